// Package app calls the store from a hot loop: a finding with a chain.
package app

import "chain/store"

func Flush(items map[string][]byte) { // want Flush:"blocking"
	//hotpath
	for name, data := range items {
		_ = store.Save(name, data) // want `store.Save .*os.WriteFile`
	}
}
