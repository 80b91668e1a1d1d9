//go:build !iohotpath_nofacts

package hotio

// factsEnabled is false only in the measurement build
// (-tags iohotpath_nofacts) that shows what facts cost: without them the
// driver analyses only the packages named on the command line.
const factsEnabled = true
