// Package configured is hot only through its .iohotpath.yml, which go vet
// must find too (it runs the tool per package).
package configured

import "fmt"

func Score(n int) { fmt.Println(n) }
