// Package options is a test stub of
// go.mongodb.org/mongo-driver/v2/mongo/options: only the option types and
// builders the iohotpath tests' stubs name.
package options

// Lister is implemented by the option builders.
type Lister[T any] interface {
	List() []func(*T) error
}

// FindOptions represents arguments for Find.
type FindOptions struct{ Limit *int64 }

// FindOptionsBuilder builds FindOptions.
type FindOptionsBuilder struct{ Opts []func(*FindOptions) error }

// Find creates a new FindOptionsBuilder.
func Find() *FindOptionsBuilder { return &FindOptionsBuilder{} }

// List returns the setters; it does no I/O.
func (f *FindOptionsBuilder) List() []func(*FindOptions) error { return f.Opts }

// SetLimit sets the Limit field; it does no I/O.
func (f *FindOptionsBuilder) SetLimit(i int64) *FindOptionsBuilder {
	f.Opts = append(f.Opts, func(o *FindOptions) error { o.Limit = &i; return nil })
	return f
}

// FindOneOptions represents arguments for FindOne.
type FindOneOptions struct{}

// InsertOneOptions represents arguments for InsertOne.
type InsertOneOptions struct{}

// DeleteManyOptions represents arguments for DeleteMany.
type DeleteManyOptions struct{}
