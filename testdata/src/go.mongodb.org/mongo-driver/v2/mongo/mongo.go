// Package mongo is a test stub of go.mongodb.org/mongo-driver/v2/mongo: only
// the API surface the iohotpath tests call, with the real names and
// signatures.
package mongo

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// Collection is a handle to a MongoDB collection.
type Collection struct{ name string }

// Cursor is used to iterate over a stream of documents.
type Cursor struct{}

// SingleResult represents a single document returned from an operation.
type SingleResult struct{ err error }

// InsertOneResult is the result type returned by InsertOne.
type InsertOneResult struct{ InsertedID any }

// DeleteResult is the result type returned by delete operations.
type DeleteResult struct{ DeletedCount int64 }

// Name returns the name of the collection.
func (coll *Collection) Name() string { return coll.name }

func (coll *Collection) InsertOne(ctx context.Context, document interface{},
	opts ...options.Lister[options.InsertOneOptions]) (*InsertOneResult, error) {
	return &InsertOneResult{}, nil
}

func (coll *Collection) Find(ctx context.Context, filter interface{},
	opts ...options.Lister[options.FindOptions]) (*Cursor, error) {
	return &Cursor{}, nil
}

func (coll *Collection) FindOne(ctx context.Context, filter interface{},
	opts ...options.Lister[options.FindOneOptions]) *SingleResult {
	return &SingleResult{}
}

func (coll *Collection) DeleteMany(ctx context.Context, filter interface{},
	opts ...options.Lister[options.DeleteManyOptions]) (*DeleteResult, error) {
	return &DeleteResult{}, nil
}

// Decode unmarshals the document; the round trip was made by FindOne.
func (sr *SingleResult) Decode(v interface{}) error { return sr.err }
