//go:build iohotpath_nofacts

package hotio

// factsEnabled: see facts_on.go. This build finds no transitive I/O
// across packages; it exists to measure the cost of facts.
const factsEnabled = false
