package catalogue

import "strconv"

// Answer says how a function answers a request with an error status:
// always (http.NotFound), or with the status one of its arguments gives
// (http.Error, WriteHeader). A block that answers with a status of 400 or
// more and returns ends the request on a failure. Functions of analysed
// packages get the same meaning from their bodies, as facts.
type Answer struct {
	Always    bool
	StatusArg int // 1 + the argument that is the status
}

// String is a as facts show it: "answers error", "answers status of arg
// 2", or "" when it says nothing.
func (a Answer) String() string {
	switch {
	case a.Always:
		return "answers error"
	case a.StatusArg > 0:
		return "answers status of arg " + strconv.Itoa(a.StatusArg)
	}
	return ""
}

// answerRows are the functions of net/http and the popular web
// frameworks that set a response's status, by how.
var answerRows = []struct {
	Answer
	Rows []Row
}{
	{Answer{Always: true}, []Row{{Pkg: "net/http", Names: []string{"NotFound"}}}},
	{Answer{StatusArg: 3}, []Row{{Pkg: "net/http", Names: []string{"Error"}}}},
	{Answer{StatusArg: 1}, []Row{
		{Pkg: "net/http", Recv: "ResponseWriter", Names: []string{"WriteHeader"}},
		{Pkg: "github.com/gin-gonic/gin", Recv: "*Context", Names: []string{
			"AbortWithStatus", "AbortWithStatusJSON", "JSON", "String", "Status", "Data", "IndentedJSON", "PureJSON", "XML"}},
		{Pkg: "github.com/labstack/echo/v4", Recv: "Context", Names: []string{"JSON", "String", "NoContent", "HTML", "Blob", "XML"}},
		{Pkg: "github.com/gofiber/fiber/v2", Recv: "*Ctx", Names: []string{"SendStatus", "Status"}},
	}},
}

// answerers is answerRows by key.
var answerers = func() map[string]Answer {
	m := map[string]Answer{}
	for _, g := range answerRows {
		for _, r := range g.Rows {
			for _, k := range r.keys() {
				m[k] = g.Answer
			}
		}
	}
	return m
}()

// LookupAnswer returns how the function of full name full
// (types.Func.FullName) answers with a status, if the catalogue knows.
func LookupAnswer(full string) (Answer, bool) {
	a, ok := answerers[canonicalFull(full)]
	return a, ok
}
