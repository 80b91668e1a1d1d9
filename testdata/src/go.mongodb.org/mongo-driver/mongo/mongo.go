// Package mongo is a test stub of go.mongodb.org/mongo-driver/mongo (v1):
// only the API surface the iohotpath tests call, with the real names and
// signatures.
package mongo

import (
	"context"

	"go.mongodb.org/mongo-driver/mongo/options"
)

// Client is a handle representing a pool of connections to a deployment.
type Client struct{}

// Database is a handle to a MongoDB database.
type Database struct{ name string }

// Collection is a handle to a MongoDB collection.
type Collection struct {
	name string
	db   *Database
}

// Cursor is used to iterate over a stream of documents.
type Cursor struct{}

// SingleResult represents a single document returned from an operation.
type SingleResult struct{ err error }

// ChangeStream is used to iterate over a stream of change events.
type ChangeStream struct{}

// InsertOneResult is the result type returned by InsertOne.
type InsertOneResult struct{ InsertedID interface{} }

// UpdateResult is the result type returned by update operations.
type UpdateResult struct{ MatchedCount, ModifiedCount int64 }

// Database returns a handle for a database; it does no I/O.
func (c *Client) Database(name string, opts ...*options.DatabaseOptions) *Database {
	return &Database{name: name}
}

// Collection returns a handle for a collection; it does no I/O.
func (db *Database) Collection(name string, opts ...*options.CollectionOptions) *Collection {
	return &Collection{name: name, db: db}
}

// Name returns the name of the database.
func (db *Database) Name() string { return db.name }

// Name returns the name of the collection.
func (coll *Collection) Name() string { return coll.name }

// Database returns the Database that was used to create the Collection.
func (coll *Collection) Database() *Database { return coll.db }

func (coll *Collection) InsertOne(ctx context.Context, document interface{},
	opts ...*options.InsertOneOptions) (*InsertOneResult, error) {
	return &InsertOneResult{}, nil
}

func (coll *Collection) Find(ctx context.Context, filter interface{},
	opts ...*options.FindOptions) (cur *Cursor, err error) {
	return &Cursor{}, nil
}

func (coll *Collection) FindOne(ctx context.Context, filter interface{},
	opts ...*options.FindOneOptions) *SingleResult {
	return &SingleResult{}
}

func (coll *Collection) UpdateOne(ctx context.Context, filter interface{}, update interface{},
	opts ...*options.UpdateOptions) (*UpdateResult, error) {
	return &UpdateResult{}, nil
}

func (coll *Collection) CountDocuments(ctx context.Context, filter interface{},
	opts ...*options.CountOptions) (int64, error) {
	return 0, nil
}

func (coll *Collection) Watch(ctx context.Context, pipeline interface{},
	opts ...*options.ChangeStreamOptions) (*ChangeStream, error) {
	return &ChangeStream{}, nil
}

// Next gets the next document, fetching a new batch from the server when
// the current one is exhausted.
func (c *Cursor) Next(ctx context.Context) bool { return false }

// Decode unmarshals the current document; it does no I/O.
func (c *Cursor) Decode(val interface{}) error { return nil }

// All iterates the cursor and decodes every document, fetching batches.
func (c *Cursor) All(ctx context.Context, results interface{}) error { return nil }

// Decode unmarshals the document; the round trip was made by FindOne.
func (sr *SingleResult) Decode(v interface{}) error { return sr.err }
