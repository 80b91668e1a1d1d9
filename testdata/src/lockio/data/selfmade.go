package data

import (
	"os"
	"sync"
)

// Tree is a type made of itself, as seaweedfs's has: asking whether its
// field holds a file must end (it once recursed until the stack ran out).
type Tree map[string]Tree

type Index struct {
	mu    sync.Mutex
	tree  Tree
	count int
}

// Add updates the index and writes it out under the lock that guards it.
func (ix *Index) Add(k string) { // want Add:"blocking\\(file\\): os.WriteFile"
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.tree[k] = Tree{}
	ix.count++
	os.WriteFile("index", nil, 0o600) // want `os.WriteFile .*while ix.mu is held`
}
