package hygieneprecision

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
	"time"
)

func worker(ctx context.Context, job string) { <-ctx.Done(); fmt.Println(job) }

func run(ctx context.Context, job string) error { return ctx.Err() }

// StartAll hands each context to a goroutine of its iteration: cancelling
// it at the end of the iteration would stop the worker.
func StartAll(parent context.Context, jobs []string) {
	for _, j := range jobs {
		ctx, cancel := context.WithTimeout(parent, time.Minute)
		defer cancel()
		go worker(ctx, j)
	}
	time.Sleep(time.Second)
}

// StartLiterals captures the context in a go function literal, and in a
// function run by WaitGroup.Go.
func StartLiterals(parent context.Context, jobs []string) {
	var wg sync.WaitGroup
	for _, j := range jobs {
		ctx, cancel := context.WithCancel(parent)
		defer cancel()
		go func() {
			worker(ctx, j)
		}()
	}
	for _, j := range jobs {
		ctx, cancel := context.WithDeadline(parent, time.Now().Add(time.Minute))
		defer cancel()
		wg.Go(func() { worker(ctx, j) })
	}
	wg.Wait()
}

// Look-alikes: the context ends with the iteration.

// Sequential uses each context synchronously.
func Sequential(parent context.Context, jobs []string) error {
	for _, j := range jobs {
		ctx, cancel := context.WithTimeout(parent, time.Minute)
		defer cancel() // want `^defer cancel\(\) in a loop runs every deferred call only when Sequential returns`
		if err := run(ctx, j); err != nil {
			return err
		}
	}
	return nil
}

// OtherContext starts a goroutine, but not with the context it cancels.
func OtherContext(parent context.Context, jobs []string) {
	for _, j := range jobs {
		ctx, cancel := context.WithTimeout(parent, time.Minute)
		defer cancel() // want `runs every deferred call only when OtherContext returns`
		go worker(parent, j)
		_ = run(ctx, j)
	}
}

// Commit rolls each transaction back unless it committed: the deferred
// work is undone once the iteration went well.
func Commit(db *sql.DB, stmts []string) error {
	for _, s := range stmts {
		tx, err := db.Begin()
		if err != nil {
			return err
		}
		committed := false
		defer func() {
			if !committed {
				tx.Rollback()
			}
		}()
		if _, err := tx.Exec(s); err != nil {
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
		committed = true
	}
	return nil
}

// Keep closes each connection on failure only (the shape of caddy's
// reverse proxy dialer and promtool's block writer).
func Keep(mu *sync.Mutex, names []string) {
	for _, n := range names {
		mu.Lock()
		var unlocked bool
		defer func() {
			if !unlocked && n != "" {
				mu.Unlock()
			}
		}()
		fmt.Println(n)
		mu.Unlock()
		unlocked = true
	}
}

// Look-alikes: the deferred work is not undone in the loop.

// Unconditional defers a closure that always works.
func Unconditional(db *sql.DB, stmts []string) {
	for _, s := range stmts {
		tx, _ := db.Begin()
		defer func() { // want `^defer func\(\) \{\.\.\.\}\(\) in a loop runs every deferred call only when Unconditional returns`
			tx.Rollback()
		}()
		tx.Exec(s)
	}
}

// SetBefore sets the flag before the defer: the loop never changes it
// afterwards, so every deferred rollback runs.
func SetBefore(db *sql.DB, stmts []string, dry bool) {
	for _, s := range stmts {
		tx, _ := db.Begin()
		skip := dry
		defer func() { // want `runs every deferred call only when SetBefore returns`
			if !skip {
				tx.Rollback()
			}
		}()
		tx.Exec(s)
	}
}

// Else works on both branches of the flag.
func Else(db *sql.DB, stmts []string) {
	for _, s := range stmts {
		tx, _ := db.Begin()
		ok := false
		defer func() { // want `runs every deferred call only when Else returns`
			if ok {
				tx.Commit()
			} else {
				tx.Rollback()
			}
		}()
		_, err := tx.Exec(s)
		ok = err == nil
	}
}
