// Package app holds the io-under-lock cases through the whole analyzer:
// unbounded I/O under a lock in any code, every category under a lock in
// hot code (one finding, the hot one, naming the lock), and the look-alikes
// that stay silent.
package app

import (
	"bytes"
	"database/sql"
	"log"
	"net"
	"net/http"
	"os"
	"os/exec"
	"sync"

	"lockio/lib"
)

type Cache struct {
	mu     sync.Mutex
	rw     sync.RWMutex
	other  sync.Mutex
	client *http.Client
	db     *sql.DB
	f      *os.File
	url    string
	data   map[string]string
	events chan string
	buf    bytes.Buffer
	fetch  func(string) error
}

// Refresh makes a round trip with c.mu held to the end.
func (c *Cache) Refresh(req *http.Request) error { // want Refresh:`blocking\(network\): \(\*http.Client\).Do`
	c.mu.Lock()
	defer c.mu.Unlock()
	resp, err := c.client.Do(req) // want `^\(\*http.Client\).Do makes an HTTP request while c.mu is held \(locked at app.go:36\); every goroutine that needs c.mu waits for the round trip; copy what you need, unlock, then call$`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// RefreshCopy is the fix: copy under the lock, unlock, then call.
func (c *Cache) RefreshCopy() error { // want RefreshCopy:`blocking\(network\): http.Get`
	c.mu.Lock()
	url := c.url
	c.mu.Unlock()
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	c.mu.Lock()
	c.data[url] = resp.Status
	c.mu.Unlock()
	return resp.Body.Close()
}

// SomePaths locks on one path only, and holds it there for the request.
func (c *Cache) SomePaths(locked bool) { // want SomePaths:`blocking\(network\): http.Get`
	if locked {
		c.mu.Lock()
		defer c.mu.Unlock()
	}
	http.Get(c.url) // want `^http.Get makes an HTTP request while c.mu is held on the path where locked \(locked at app.go:63\); every goroutine that needs c.mu waits for the round trip; copy what you need, unlock, then call$`
}

// Background starts the round trip on another goroutine.
func (c *Cache) Background() {
	c.mu.Lock()
	defer c.mu.Unlock()
	go http.Get(c.url)
	go func() {
		http.Get(c.url)
	}()
}

// Different unlocks another lock: c.mu is still held.
func (c *Cache) Different() { // want Different:`blocking\(network\): http.Get`
	c.mu.Lock()
	c.other.Unlock()
	http.Get(c.url) // want `http.Get makes an HTTP request while c.mu is held \(locked at app.go:81\)`
	c.mu.Unlock()
	c.other.Lock()
	c.other.Unlock()
	http.Get(c.url)
}

// Lookup queries with a read lock: writers wait.
func (c *Cache) Lookup(id int) (string, error) { // want Lookup:`blocking\(database\): \(\*sql.DB\).QueryRow`
	c.rw.RLock()
	defer c.rw.RUnlock()
	var name string
	err := c.db.QueryRow("select name from users where id = ?", id).Scan(&name) // want `^\(\*sql.DB\).QueryRow queries the database while c.rw is read-locked \(locked at app.go:92\); every writer of c.rw, and every reader after it, waits for the round trip; copy what you need, unlock, then call$`
	return name, err
}

// Record writes a file and logs under the lock, outside hot code: the
// lock keeps the records whole.
func (c *Cache) Record(line string) { // want Record:`blocking\(file\): \(\*os.File\).WriteString; also log`
	c.mu.Lock()
	defer c.mu.Unlock()
	c.f.WriteString(line)
	log.Printf("recorded %s", line)
	lib.Append(c.f, []byte(line))
	lib.Note(line)
}

// Flush fsyncs under the lock, directly, through a helper of another
// package that writes then syncs, and in a deferred call.
func (c *Cache) Flush(b []byte) error { // want Flush:`blocking\(sync\): \(\*os.File\).Sync; also file`
	c.mu.Lock()
	defer c.mu.Unlock()
	defer c.f.Sync()                         // want `^\(\*os.File\).Sync syncs a file to disk while c.mu is held \(locked at app.go:113\); every goroutine that needs c.mu waits for the disk; copy what you need, unlock, then call$`
	if err := lib.Save(c.f, b); err != nil { // want `^lib.Save performs blocking sync I/O \(\(\*os.File\).Sync\) while c.mu is held \(locked at app.go:113\); every goroutine that needs c.mu waits for the disk; copy what you need, unlock, then call$`
		return err
	}
	return lib.Persist(c.f, b) // want `lib.Persist performs blocking sync I/O \(\(\*os.File\).Sync via lib.Save\) while c.mu is held`
}

// Quiet: channel sends, in-memory writers and calls through function
// values under a lock are not I/O it knows of.
func (c *Cache) Quiet(s string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.events <- s
	c.buf.WriteString(s)
	return c.fetch(s)
}

// OnFailure rolls back on the error exit only: off the normal path.
func (c *Cache) OnFailure(tx *sql.Tx) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if err := c.check(); err != nil {
		tx.Rollback()
		return err
	}
	return nil
}

func (c *Cache) check() error { return nil }

// Immediate runs a literal on the spot while the lock is held.
func (c *Cache) Immediate() { // want Immediate:`blocking\(network\): app.Cache.Immediate.func1 -> lib.Fetch -> http.Get`
	c.mu.Lock()
	func() {
		lib.Fetch(c.url) // want `lib.Fetch performs blocking network I/O \(http.Get\) while c.mu is held \(locked at app.go:147\)`
	}()
	c.mu.Unlock()
}

// helper reaches the network through a function of this package.
func (c *Cache) helper() { // want helper:`blocking\(network\): http.Get`
	http.Get(c.url)
}

func (c *Cache) Local() { // want Local:`blocking\(network\): \(\*app.Cache\).helper -> http.Get`
	c.mu.Lock()
	c.helper() // want `\(\*app.Cache\).helper performs blocking network I/O \(http.Get\) while c.mu is held`
	c.mu.Unlock()
}

// Ignored: a finding suppressed with a reason.
func (c *Cache) Ignored() {
	c.mu.Lock()
	defer c.mu.Unlock()
	http.Get(c.url) //iohotpath:ignore refresh is rare and bounded by a timeout
}

type Hooks struct {
	sync.Mutex
	cmds []string
}

// Run runs a process per hook with the embedded mutex held.
func (h *Hooks) Run() error { // want Run:`blocking\(process\): \(\*exec.Cmd\).Run`
	h.Lock()
	defer h.Unlock()
	for _, c := range h.cmds {
		if err := exec.Command(c).Run(); err != nil { // want `\(\*exec.Cmd\).Run runs an external process while h.Mutex is held \(locked at app.go:179\); every goroutine that needs h.Mutex waits for the process`
			return err
		}
	}
	return nil
}

type Span struct {
	mu  sync.Mutex
	f   *os.File
	url string
}

// Finish is hot: every blocking call is hot-io's finding, and says the
// lock is held.
//
// hotpath
func (s *Span) Finish(line string) { // want Finish:`hot blocking\(file\)`
	s.mu.Lock()
	defer s.mu.Unlock()
	s.f.WriteString(line) // want `^\(\*os.File\).WriteString writes a file on every call of hot function Span.Finish; .*; it runs while s.mu is held \(locked at app.go:200\), so every goroutine that needs s.mu waits too$`
	http.Get(s.url)       // want `^http.Get makes an HTTP request on every call of hot function Span.Finish; .*; it runs while s.mu is held \(locked at app.go:200\), so every goroutine that needs s.mu waits too$`
}

// FlushSometimes calls helpers that fsync on a branch only: they do not
// fsync whenever they run, so the calls are not reported.
func (c *Cache) FlushSometimes(b []byte, durable bool) { // want FlushSometimes:`blocking\(file\): lib.MaybeSync -> \(\*os.File\).Write; also sync$`
	c.mu.Lock()
	defer c.mu.Unlock()
	lib.MaybeSync(c.f, b, durable)
	c.maybeSync(durable)
}

func (c *Cache) maybeSync(durable bool) { // want maybeSync:`blocking\(sync\): \(\*os.File\).Sync$`
	if durable {
		c.f.Sync()
	}
}

type Stream struct {
	mu   sync.Mutex
	conn net.Conn
	addr string
}

// Send writes the connection its mutex keeps whole: no round trip.
func (s *Stream) Send(b []byte) error { // want Send:`blocking\(network\): net.Conn.Write$`
	s.mu.Lock()
	defer s.mu.Unlock()
	_, err := s.conn.Write(b)
	return err
}

// Redial dials with the lock held: a round trip.
func (s *Stream) Redial() error { // want Redial:`blocking\(network\): net.Dial; always network$`
	s.mu.Lock()
	defer s.mu.Unlock()
	c, err := net.Dial("tcp", s.addr) // want `net.Dial dials a connection while s.mu is held`
	if err != nil {
		return err
	}
	s.conn = c
	return nil
}

// Store takes c.rw to update the data it guards: readers and writers of
// c.rw wait for Lookup's query.
func (c *Cache) Store(id int, name string) {
	c.rw.Lock()
	c.data[name] = name
	c.rw.Unlock()
}

// Add updates the hooks under the embedded mutex.
func (h *Hooks) Add(cmd string) {
	h.Lock()
	h.cmds = append(h.cmds, cmd)
	h.Unlock()
}

type Store struct {
	mu     sync.Mutex // guards the fields below
	blocks []string
	cmtx   sync.Mutex // compactions and deletions do not run at the same time
	f      *os.File
}

// Compact holds cmtx, which no code uses to update Store's fields: it
// serialises compactions, and whoever takes it is there to wait.
func (s *Store) Compact() error { // want Compact:`blocking\(sync\)`
	s.cmtx.Lock()
	defer s.cmtx.Unlock()
	s.write()
	return s.f.Sync()
}

// write updates blocks under mu: mu guards data.
func (s *Store) write() {
	s.mu.Lock()
	s.blocks = append(s.blocks, "b")
	s.mu.Unlock()
}

// Reload fsyncs under mu, which guards blocks.
func (s *Store) Reload() error { // want Reload:`blocking\(sync\): \(\*os.File\).Sync; always sync$`
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.f.Sync() // want `\(\*os.File\).Sync syncs a file to disk while s.mu is held`
}

// Close runs once, at the end: the goroutines it makes wait are going
// away too.
func (s *Store) Close() error { // want Close:`blocking\(sync\)`
	s.mu.Lock()
	defer s.mu.Unlock()
	s.blocks = nil
	return s.f.Sync()
}

type Snapshots struct {
	smtx  sync.Mutex // snapshots and truncations do not run at the same time
	items []string
	f     *os.File
}

// Snapshot reads the fields next to smtx but updates none: smtx serialises.
func (s *Snapshots) Snapshot() error { // want Snapshot:`blocking\(sync\)`
	s.smtx.Lock()
	defer s.smtx.Unlock()
	if len(s.items) == 0 {
		return nil
	}
	return s.f.Sync()
}

type Agent struct {
	mtx     sync.RWMutex
	deleted map[int]int
	f       *os.File
}

// Truncate read-locks mtx, which only Close write-locks: readers do not
// wait for readers.
func (a *Agent) Truncate() error { // want Truncate:`blocking\(sync\)`
	a.mtx.RLock()
	defer a.mtx.RUnlock()
	delete(a.deleted, 1)
	return a.f.Sync()
}

func (a *Agent) Close() error { // want Close:`blocking\(file\)`
	a.mtx.Lock()
	defer a.mtx.Unlock()
	return a.f.Close()
}

// Handle takes mu nowhere but to make a round trip, whenever it takes it
// (error exits aside): mu serialises its operations, and whoever waits for
// it is there to make one.
type Handle struct {
	mu   sync.Mutex
	held bool
	url  string
}

func (h *Handle) Acquire() error { // want Acquire:`blocking\(network\)`
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.held {
		return os.ErrExist
	}
	if _, err := http.Get(h.url); err != nil {
		return err
	}
	h.held = true
	return nil
}

func (h *Handle) Release() error { // want Release:`blocking\(network\)`
	h.mu.Lock()
	defer h.mu.Unlock()
	_, err := http.Post(h.url, "", nil)
	h.held = false
	return err
}

type Lazy struct {
	mu     sync.Mutex
	client *http.Client
	url    string
}

// Client builds the client once, as sync.Once would: whoever waits for mu
// there needs what the first caller builds.
func (l *Lazy) Client() (*http.Client, error) { // want Client:`blocking\(network\)`
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.client != nil {
		return l.client, nil
	}
	if _, err := http.Get(l.url); err != nil {
		return nil, err
	}
	l.client = &http.Client{}
	return l.client, nil
}

// SetURL takes mu for a moment.
func (l *Lazy) SetURL(url string) {
	l.mu.Lock()
	l.url = url
	l.mu.Unlock()
}

// Get builds its client once too, after some setup: still sync.Once.
func (l *Lazy) Get() (*http.Client, error) { // want Get:`blocking\(network\)`
	l.mu.Lock()
	defer l.mu.Unlock()
	url := l.url
	if l.client != nil {
		return l.client, nil
	}
	if _, err := http.Get(url); err != nil {
		return nil, err
	}
	l.client = &http.Client{}
	return l.client, nil
}

// DistLock is a lock itself, held in a remote store: its mutex serialises
// taking and releasing it, and whoever waits for l.mu is there to take
// the same lock. Destroy runs once, at the end, like Close.
type DistLock struct {
	mu     sync.Mutex
	held   bool
	url    string
	client *http.Client
}

func (l *DistLock) Lock(stop <-chan struct{}) error { // want Lock:`blocking\(network\)`
	l.mu.Lock()
	defer l.mu.Unlock()
	select {
	case <-stop:
		return nil
	default:
	}
	resp, err := l.client.Post(l.url, "text/plain", nil) // silent: taking the lock it implements
	if err != nil {
		return err
	}
	l.held = true
	return resp.Body.Close()
}

func (l *DistLock) Unlock() error { // want Unlock:`blocking\(network\)`
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.held {
		return nil
	}
	l.held = false
	_, err := l.client.Get(l.url) // silent: releasing the lock it implements
	return err
}

func (l *DistLock) Destroy() error { // want Destroy:`blocking\(network\)`
	l.mu.Lock()
	defer l.mu.Unlock()
	l.held = false
	_, err := l.client.Get(l.url) // silent: runs once, at the end
	return err
}

// Refresh is not one of its lock operations: every Lock and Unlock waits
// for its round trip.
func (l *DistLock) Refresh() error { // want Refresh:`blocking\(network\)`
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.held {
		return nil
	}
	_, err := l.client.Get(l.url) // want `\(\*http.Client\).Get makes an HTTP request while l.mu is held`
	return err
}
