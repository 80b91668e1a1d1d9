// Package data holds the io-under-lock cases of issue 21 through the
// whole analyzer: locks held on some paths, file I/O under a lock that
// guards data, caches filled under one lock, locks taken through helpers,
// and broker clients; each with the look-alike that stays silent.
package data

import (
	"encoding/json"
	"io"
	"net/http"
	"os"
	"sync"

	amqp "github.com/rabbitmq/amqp091-go"
	"golang.org/x/net/http2"
)

// Client builds its HTTP client on first use, under c.mu, and makes the
// request with the lock still held on that path.
type Client struct {
	mu     sync.Mutex
	client *http.Client
}

func (c *Client) Do(req *http.Request) (*http.Response, error) { // want Do:`blocking\(network\): \(\*http\.Client\)\.Do; always network`
	if c.client == nil {
		c.mu.Lock()
		defer c.mu.Unlock()
		c.client = &http.Client{}
	}
	return c.client.Do(req) // want `^\(\*http.Client\).Do makes an HTTP request while c.mu is held on the path where c.client is nil \(locked at data.go:27\); every goroutine that needs c.mu waits for the round trip; copy what you need, unlock, then call$`
}

// DoAfter releases the lock on every path before the request.
func (c *Client) DoAfter(req *http.Request) (*http.Response, error) { // want DoAfter:`blocking\(network\): \(\*http\.Client\)\.Do; always network`
	if c.client == nil {
		c.mu.Lock()
		c.client = &http.Client{}
		c.mu.Unlock()
	}
	return c.client.Do(req)
}

// Tournament keeps scores in memory and saves each on every update.
type Tournament struct {
	mu     sync.Mutex
	scores map[string]*Score
}

type Score struct {
	Score int
	path  string
}

func (tm *Tournament) get(id string) *Score { return tm.scores[id] }

func (s *Score) saveToDisk() error { // want saveToDisk:`blocking\(file\): os\.WriteFile`
	b, err := json.Marshal(s)
	if err != nil {
		return err
	}
	return os.WriteFile(s.path, b, 0o644)
}

// Add updates the score it reaches through the map tm.mu guards, then
// writes it to disk with the lock held.
func (tm *Tournament) Add(id string, r int) { // want Add:`blocking\(file\): \(\*data\.Score\)\.saveToDisk -> os\.WriteFile`
	tm.mu.Lock()
	defer tm.mu.Unlock()
	s := tm.get(id)
	s.Score += r
	_ = s.saveToDisk() // want `^\(\*data.Score\).saveToDisk performs blocking file I/O \(os.WriteFile\) while tm.mu is held \(locked at data.go:68\), where it guards data the code updates; every goroutine that needs tm.mu waits for the disk; copy what you need, unlock, then call$`
}

// Export writes a score under the lock but updates nothing there.
func (tm *Tournament) Export(id string) { // want Export:`blocking\(file\): \(\*data\.Score\)\.saveToDisk -> os\.WriteFile`
	tm.mu.Lock()
	defer tm.mu.Unlock()
	_ = tm.get(id).saveToDisk()
}

// Save is the fix: copy under the lock, write after.
func (tm *Tournament) Save(id string, r int) error { // want Save:`blocking\(file\): \(\*data\.Score\)\.saveToDisk -> os\.WriteFile`
	tm.mu.Lock()
	s := *tm.get(id)
	s.Score += r
	tm.mu.Unlock()
	return s.saveToDisk()
}

// msgBlock loads its block file, two calls down, when a message is
// removed.
type msgBlock struct {
	mu    sync.RWMutex
	cache []byte
	first uint64
	path  string
}

func (mb *msgBlock) loadBlock() ([]byte, error) { // want loadBlock:`blocking\(file\): os\.Open`
	f, err := os.Open(mb.path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf := make([]byte, 4096)
	_, err = io.ReadFull(f, buf)
	return buf, err
}

func (mb *msgBlock) loadCache() error { // want loadCache:`blocking\(file\): \(\*data\.msgBlock\)\.loadBlock -> os\.Open`
	b, err := mb.loadBlock()
	if err != nil {
		return err
	}
	mb.cache = b
	return nil
}

func (mb *msgBlock) removeMsg(seq uint64) error { // want removeMsg:`blocking\(file\): \(\*data\.msgBlock\)\.loadCache -> \(\*data\.msgBlock\)\.loadBlock -> os\.Open`
	mb.mu.Lock()
	defer mb.mu.Unlock()
	if err := mb.loadCache(); err != nil { // want `^\(\*data.msgBlock\).loadCache performs blocking file I/O \(os.Open via \(\*data.msgBlock\).loadBlock\) while mb.mu is held \(locked at data.go:121\), where it guards data the code updates`
		return err
	}
	mb.first = seq + 1
	return nil
}

// Journal's mutex keeps its appends whole: nothing else is done under it.
// The write is how records stay whole; the fsync makes every appender
// wait for the disk.
type Journal struct {
	mu sync.Mutex
	f  *os.File
}

func (j *Journal) Append(b []byte) error { // want Append:`blocking\(file\): \(\*os\.File\)\.Write; also sync; always sync: \(\*os\.File\)\.Sync`
	j.mu.Lock()
	defer j.mu.Unlock()
	if _, err := j.f.Write(b); err != nil {
		return err
	}
	return j.f.Sync() // want `^\(\*os.File\).Sync syncs a file to disk while j.mu is held \(locked at data.go:139\); every goroutine that needs j.mu waits for the disk; copy what you need, unlock, then call$`
}

// Sink only writes: silent.
type Sink struct {
	mu sync.Mutex
	f  *os.File
}

func (s *Sink) Log(line string) { // want Log:`blocking\(file\): \(\*os\.File\)\.WriteString`
	s.mu.Lock()
	defer s.mu.Unlock()
	s.f.WriteString(line)
}

// Users is a cache of many keys filled under one lock: every lookup of
// another id waits for this id's round trip.
type Users struct {
	cache struct {
		lock  sync.Mutex
		items map[string]string
	}
	http *http.Client
}

func (c *Users) lookup(id string) (string, bool) {
	v, ok := c.cache.items[id]
	return v, ok
}

func (c *Users) Get(id string, req *http.Request) (string, error) {
	c.cache.lock.Lock()
	defer c.cache.lock.Unlock()
	if v, ok := c.lookup(id); ok {
		return v, nil
	}
	resp, err := c.http.Do(req) // want `^\(\*http.Client\).Do makes an HTTP request while c.cache.lock is held \(locked at data.go:175\); every goroutine that needs c.cache.lock waits for the round trip; the lock is held to fill one key of a cache, so lookups of every other key wait too: fetch outside the lock, or fill each key through a per-key single flight$`
	if err != nil {
		return "", err
	}
	c.cache.items[id] = resp.Status
	return resp.Status, nil
}

// Token is one value built once under its lock, as sync.Once would:
// whoever waits needs what the first caller builds.
type Token struct {
	mu    sync.Mutex
	value *http.Response
	url   string
}

func (t *Token) Get() (*http.Response, error) { // want Get:`blocking\(network\): http\.Get; always network`
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.value != nil {
		return t.value, nil
	}
	resp, err := http.Get(t.url)
	if err != nil {
		return nil, err
	}
	t.value = resp
	return resp, nil
}

// Queue dials its broker under the mutex it embeds.
type Queue struct {
	sync.Mutex
	conn *amqp.Connection
	url  string
}

func (q *Queue) Connect() error { // want Connect:`blocking\(network\): amqp091\.DialConfig; always network`
	q.Lock()
	defer q.Unlock()
	conn, err := amqp.DialConfig(q.url, amqp.Config{}) // want `^amqp091.DialConfig dials the AMQP broker while q.Mutex is held \(locked at data.go:218\)`
	if err != nil {
		return err
	}
	q.conn = conn
	return nil
}

// Conn is another user of q's mutex, which waits for the dial.
func (q *Queue) Conn() *amqp.Connection {
	q.Lock()
	defer q.Unlock()
	return q.conn
}

// transport writes a frame under the mutex that guards its streams.
type transport struct {
	mu      sync.Mutex
	framer  *http2.Framer
	streams map[uint32]bool
	closing bool
}

func (t *transport) GoAway() { // want GoAway:`blocking\(network\): \(\*http2\.Framer\)\.WriteGoAway`
	t.mu.Lock()
	defer t.mu.Unlock()
	t.closing = true
	t.framer.WriteGoAway(0, http2.ErrCodeNo, nil) // want `^\(\*http2.Framer\).WriteGoAway writes an HTTP/2 frame to the connection while t.mu is held \(locked at data.go:244\), where it guards data the code updates; every goroutine that needs t.mu waits for the round trip; copy what you need, unlock, then call$`
}

// Ping writes a frame under the lock, which it takes for nothing else.
func (t *transport) Ping() { // want Ping:`blocking\(network\): \(\*http2\.Framer\)\.WritePing`
	t.mu.Lock()
	defer t.mu.Unlock()
	t.framer.WritePing(false, [8]byte{})
}

// conn locks through helper methods.
type conn struct {
	mu   sync.Mutex
	addr string
	n    int
}

func (c *conn) lock()   { c.mu.Lock() }
func (c *conn) unlock() { c.mu.Unlock() }

func (c *conn) Addr() string {
	c.lock()
	defer c.unlock()
	return c.addr
}

func (c *conn) Refresh() { // want Refresh:`blocking\(network\): http\.Get; always network`
	c.lock()
	defer c.unlock()
	c.n++
	http.Get(c.addr) // want `^http.Get makes an HTTP request while c.mu is held \(locked at data.go:274\)`
}

// Hermes fills its cache under one lock behind a flag, and the cached
// error's return looks like a failure: still a fill of one key.
type Hermes struct {
	cache struct {
		lock sync.Mutex
		data map[string]error
	}
	client *http.Client
}

func (h *Hermes) fromCache(id string) (error, bool) {
	err, ok := h.cache.data[id]
	return err, ok
}

func (h *Hermes) Get(id string, useCache bool, req *http.Request) error { // want Get:`blocking\(network\): \(\*http.Client\).Do; always network`
	h.cache.lock.Lock()
	defer h.cache.lock.Unlock()
	if useCache {
		cached, ok := h.fromCache(id)
		if ok {
			return cached
		}
	}
	_, err := h.client.Do(req) // want `^\(\*http.Client\).Do makes an HTTP request while h.cache.lock is held \(locked at data.go:\d+\); .*per-key single flight$`
	h.cache.data[id] = err
	return err
}

// URIs is a cache whose lookup is assigned before the test of what it
// found (alloydb-go-connector's driver before 888e735): a fill of one key.
type URIs struct {
	mu   sync.Mutex
	uris map[string]string
	http *http.Client
}

func (u *URIs) Get(name string, req *http.Request) (string, error) {
	u.mu.Lock()
	defer u.mu.Unlock()
	uri, ok := u.uris[name]
	if ok {
		return uri, nil
	}
	resp, err := u.http.Do(req) // want `^\(\*http.Client\).Do makes an HTTP request while u.mu is held \(locked at data.go:\d+\); .*per-key single flight$`
	if err != nil {
		return "", err
	}
	u.uris[name] = resp.Status
	return resp.Status, nil
}

// Conf tests a flag assigned before the test: no key is looked up, so it
// is no cache fill, and no value of its holder is tested as sync.Once's
// would be: a plain finding.
type Conf struct {
	mu    sync.Mutex
	built bool
	body  string
	url   string
}

func (c *Conf) Get() (string, error) { // want Get:`blocking\(network\): http\.Get; always network`
	c.mu.Lock()
	defer c.mu.Unlock()
	done := c.built
	if done {
		return c.body, nil
	}
	resp, err := http.Get(c.url) // want `^http.Get makes an HTTP request while c.mu is held \(locked at data.go:\d+\); every goroutine that needs c.mu waits for the round trip; copy what you need, unlock, then call$`
	if err != nil {
		return "", err
	}
	c.body, c.built = resp.Status, true
	return c.body, nil
}
