// Package redis is a test stub of github.com/redis/go-redis/v9: only the API
// surface the iohotpath tests call, with the real names, signatures and
// type shapes (commands are methods of the unexported function types
// cmdable and statefulCmdable, promoted into Client, Conn and Pipeline).
package redis

import "context"

// Cmder is a queued or executed command.
type Cmder interface {
	Name() string
	Err() error
}

type baseCmd struct {
	ctx  context.Context
	args []interface{}
	err  error
}

func (cmd *baseCmd) Name() string { return "" }
func (cmd *baseCmd) Err() error   { return cmd.err }

// Cmd is the result of Do.
type Cmd struct {
	baseCmd
	val interface{}
}

// Result returns the reply; it does no I/O.
func (cmd *Cmd) Result() (interface{}, error) { return cmd.val, cmd.err }

// StringCmd is a command with a string reply.
type StringCmd struct {
	baseCmd
	val string
}

func (cmd *StringCmd) Val() string             { return cmd.val }
func (cmd *StringCmd) Result() (string, error) { return cmd.val, cmd.err }

// StatusCmd is a command with a status reply.
type StatusCmd struct {
	baseCmd
	val string
}

func (cmd *StatusCmd) Result() (string, error) { return cmd.val, cmd.err }

// IntCmd is a command with an integer reply.
type IntCmd struct {
	baseCmd
	val int64
}

func (cmd *IntCmd) Val() int64 { return cmd.val }
