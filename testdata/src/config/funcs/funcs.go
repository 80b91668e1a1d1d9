// Package funcs is hot only through the funcs option.
package funcs

import "os"

func Evaluate() { // want Evaluate:`hot blocking\(file\): os.Remove`
	os.Remove("x") // want `os.Remove changes the file system on every call of hot function Evaluate`
}

func EvaluateAll() { // want EvaluateAll:`blocking\(file\): os.Remove`
	os.Remove("x") // ^Evaluate$ is anchored: not hot
}

type Scorer struct{}

func (s *Scorer) Score() { // want Score:`hot blocking\(file\): os.Remove`
	os.Remove("x") // want `os.Remove changes the file system on every call of hot function Scorer.Score`
}

func (s *Scorer) Reset() { // want Reset:`blocking\(file\): os.Remove`
	os.Remove("x")
}
