// Package options is a test stub of go.mongodb.org/mongo-driver/mongo/options:
// only the option types the iohotpath tests' stubs name.
package options

// FindOptions represents options for Find.
type FindOptions struct{ Limit *int64 }

// Find creates a new FindOptions instance.
func Find() *FindOptions { return &FindOptions{} }

// SetLimit sets the Limit field; it does no I/O.
func (f *FindOptions) SetLimit(i int64) *FindOptions { f.Limit = &i; return f }

// FindOneOptions represents options for FindOne.
type FindOneOptions struct{}

// InsertOneOptions represents options for InsertOne.
type InsertOneOptions struct{}

// UpdateOptions represents options for UpdateOne and UpdateMany.
type UpdateOptions struct{}

// CountOptions represents options for CountDocuments.
type CountOptions struct{}

// ChangeStreamOptions represents options for Watch.
type ChangeStreamOptions struct{}

// DatabaseOptions represents options for Client.Database.
type DatabaseOptions struct{}

// CollectionOptions represents options for Database.Collection.
type CollectionOptions struct{}
