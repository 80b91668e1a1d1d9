package held

import "sync"

// conn locks through helper methods.
type conn struct {
	mu    sync.Mutex
	state int
}

func (c *conn) lock()   { c.mu.Lock() }
func (c *conn) unlock() { c.mu.Unlock() }

func (c *conn) helpers() {
	c.lock()
	defer c.unlock()
	block() // want `^held c.mu at 15$`
}

func (c *conn) helpersReleased() {
	c.lock()
	c.state++
	c.unlock()
	block()
}

// server holds a conn: the helper's path is appended to the receiver's.
type server struct {
	c *conn
}

func (s *server) through() {
	s.c.lock()
	block() // want `^held s.c.mu at 33$`
	s.c.unlock()
	block2()
}

var registryMu sync.Mutex

func lockRegistry()   { registryMu.Lock() }
func unlockRegistry() { registryMu.Unlock() }

func registryHelpers() {
	lockRegistry()
	block() // want `^held registryMu at 45$`
	unlockRegistry()
	block2()
}

// notHelper does more than lock: calls of it are not lock operations.
func (c *conn) notHelper() {
	c.mu.Lock()
	block2() // want `^held c.mu at 53$`
}

func (c *conn) callsNotHelper() {
	c.notHelper()
	block()
	c.unlock()
}

// RWLocker is a project's own lock interface.
type RWLocker interface {
	Lock()
	Unlock()
	RLock()
	RUnlock()
}

// store holds its locks as interfaces.
type store struct {
	mu     RWLocker
	locker sync.Locker
	dist   distLock
}

// distLock is not a lock interface: its Lock waits for a peer and fails.
type distLock interface {
	Lock() error
	Unlock() error
}

func (s *store) interfaces() {
	s.mu.RLock()
	block() // want `^read s.mu at 85$`
	s.mu.RUnlock()
	s.locker.Lock()
	defer s.locker.Unlock()
	block2() // want `^held s.locker at 88$`
}

func (s *store) notALockInterface() {
	s.dist.Lock()
	block()
	s.dist.Unlock()
}

func locker(l sync.Locker) {
	l.Lock()
	block() // want `^held l at 100$`
	l.Unlock()
}
