// Package held tests the lock analysis alone: the test analyzer reports
// the locks held at every call of a function whose name starts with
// "block".
package held

import "sync"

func block()  {}
func block2() {}

type cache struct {
	mu     sync.Mutex
	rw     sync.RWMutex
	other  sync.Mutex
	shards [4]struct{ mu sync.Mutex }
	m      map[string]int
}

func (c *cache) lockUnlock() {
	c.mu.Lock()
	block() // want `held c.mu at 20`
	c.mu.Unlock()
	block2()
}

func (c *cache) deferUnlock(keys []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for range keys {
		block() // want `held c.mu at 27`
	}
	if len(keys) > 2 {
		return
	}
	block2() // want `held c.mu at 27`
}

// somePaths: a lock taken on some paths is held on those (paths.go).
func (c *cache) somePaths(x bool) {
	if x {
		c.mu.Lock()
		defer c.mu.Unlock()
	}
	block() // want `^held c.mu at 41 on the path where x$`
}

// unlockOnOnePath: unlocked on one path, held on the other: not held.
func (c *cache) unlockOnOnePath(x bool) {
	c.mu.Lock()
	if x {
		c.mu.Unlock()
	}
	block()
}

// earlyReturn: the path that unlocks returns; the rest is held.
func (c *cache) earlyReturn(x bool) {
	c.mu.Lock()
	if x {
		c.mu.Unlock()
		return
	}
	block() // want `held c.mu at 58`
	c.mu.Unlock()
}

// panics: the path that unlocks panics.
func (c *cache) panics(x bool) {
	c.mu.Lock()
	if x {
		c.mu.Unlock()
		panic("x")
	}
	block() // want `held c.mu at 69`
	c.mu.Unlock()
}

// bothBranches: locked on every path, at two places: the first names it.
func (c *cache) bothBranches(x bool) {
	if x {
		c.mu.Lock()
	} else {
		c.mu.Lock()
	}
	block() // want `held c.mu at 81`
	c.mu.Unlock()
}

func (c *cache) read() {
	c.rw.RLock()
	block() // want `read c.rw at 90`
	c.rw.RUnlock()
	block2()
}

// different: unlocking another lock does not release c.mu.
func (c *cache) different() {
	c.mu.Lock()
	c.other.Unlock()
	block() // want `held c.mu at 98`
	c.mu.Unlock()
	c.other.Lock()
	c.other.Unlock()
	block2()
}

func (c *cache) nested() {
	c.mu.Lock()
	c.rw.RLock()
	block() // want `held c.mu at 108, read c.rw at 109`
	c.rw.RUnlock()
	block2() // want `held c.mu at 108`
	c.mu.Unlock()
}

// loop: lock and unlock in each iteration.
func (c *cache) loop(n int) {
	for i := 0; i < n; i++ {
		c.mu.Lock()
		block() // want `held c.mu at 119`
		c.mu.Unlock()
		block2()
	}
	block2()
}

// unlockInLoop: released and taken again inside the loop: held at the top
// of each iteration and after the loop.
func (c *cache) unlockInLoop(n int) {
	c.mu.Lock()
	for i := 0; i < n; i++ {
		block() // want `held c.mu at 130`
		c.mu.Unlock()
		block2()
		c.mu.Lock()
	}
	block2() // want `held c.mu at 130`
	c.mu.Unlock()
}

func (c *cache) goStmt() {
	c.mu.Lock()
	defer c.mu.Unlock()
	go block()
	go func() {
		block()
	}()
}

func (c *cache) immediate() {
	c.mu.Lock()
	func() {
		block() // want `held c.mu at 151`
	}()
	f := func() {
		block()
	}
	c.mu.Unlock()
	f()
}

// immediateLocks: a literal called on the spot that locks for itself.
func (c *cache) immediateLocks() {
	func() {
		c.mu.Lock()
		defer c.mu.Unlock()
		block() // want `held c.mu at 165`
	}()
	block2()
}

// immediateUnlocks: a literal called on the spot that unlocks.
func (c *cache) immediateUnlocks() {
	c.mu.Lock()
	func() {
		block() // want `held c.mu at 174`
		c.mu.Unlock()
	}()
	block2()
}

func (c *cache) deferredLiteral() {
	c.mu.Lock()
	defer func() {
		c.mu.Unlock()
	}()
	block() // want `held c.mu at 183`
}

// deferredCalls: a deferred call runs under the locks whose unlock was
// deferred before it.
func (c *cache) deferredCalls() {
	defer block2()
	c.mu.Lock()
	defer block2()
	defer c.mu.Unlock()
	defer block() // want `held c.mu at 194`
}

func (c *cache) shard(i int) {
	c.shards[i].mu.Lock()
	block() // want `held c.shards\[i\].mu at 201`
	c.shards[i].mu.Unlock()
	block2()
	c.shards[0].mu.Lock()
	c.shards[1].mu.Unlock()
	block() // want `held c.shards\[0\].mu at 205`
}

type registry struct {
	sync.Mutex
	hooks []string
}

func (r *registry) embedded() {
	r.Lock()
	defer r.Unlock()
	block() // want `held r.Mutex at 216`
}

type wrapped struct {
	registry
}

func (w *wrapped) embeddedTwice() {
	w.Lock()
	block() // want `held w.registry.Mutex at 226`
	w.registry.Unlock()
	block2()
}

var global sync.Mutex

func packageLevel() {
	global.Lock()
	block() // want `held global at 235`
	global.Unlock()
}

// tryLock: whether TryLock took the lock depends on its result; not
// followed.
func (c *cache) tryLock() {
	if c.mu.TryLock() {
		block()
		c.mu.Unlock()
	}
}

func (c *cache) switchSelect(x int, ch chan int) {
	c.mu.Lock()
	switch x {
	case 1:
		c.mu.Unlock()
		return
	case 2:
		block() // want `held c.mu at 250`
	}
	select {
	case <-ch:
		block() // want `held c.mu at 250`
	default:
	}
	c.mu.Unlock()
}

// literalOwnLock: a literal not called where it is written is analysed on
// its own.
func (c *cache) literalOwnLock() func() {
	return func() {
		c.mu.Lock()
		defer c.mu.Unlock()
		block() // want `held c.mu at 270`
	}
}

// fresh: a value the function is still building has no one waiting for
// its lock yet.
func fresh() *cache {
	c := &cache{}
	c.mu.Lock()
	block()
	c.mu.Unlock()
	return c
}

// notFresh: a variable assigned twice, or whose address is taken, may
// hold a shared value.
func notFresh(shared *cache) {
	c := &cache{}
	c = shared
	c.mu.Lock()
	block() // want `held c.mu at 291`
	c.mu.Unlock()
}
