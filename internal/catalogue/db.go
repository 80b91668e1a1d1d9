package catalogue

// dbRows are the calls that make a database round trip: database/sql, pgx
// and the MongoDB driver. pgx v4 matches as v5 and the MongoDB driver v1
// as v2 (pathAliases); interface methods returning rows or a command tag
// are in results.go.
var dbRows = []Row{
	// database/sql
	{Pkg: "database/sql", Recv: "*DB", Cat: Database, Does: "queries the database", Names: []string{
		"Exec", "ExecContext", "Query", "QueryContext", "QueryRow", "QueryRowContext",
		"Begin", "BeginTx", "Prepare", "PrepareContext", "Ping", "PingContext", "Conn",
	}},
	{Pkg: "database/sql", Recv: "*Tx", Cat: Database, Does: "queries the database", Names: []string{
		"Exec", "ExecContext", "Query", "QueryContext", "QueryRow", "QueryRowContext",
		"Prepare", "PrepareContext", "Commit", "Rollback",
	}},
	{Pkg: "database/sql", Recv: "*Stmt", Cat: Database, Does: "queries the database", Names: []string{
		"Exec", "ExecContext", "Query", "QueryContext", "QueryRow", "QueryRowContext",
	}},
	{Pkg: "database/sql", Recv: "*Conn", Cat: Database, Does: "queries the database", Names: []string{
		"ExecContext", "QueryContext", "QueryRowContext", "PrepareContext", "BeginTx", "PingContext", "Raw",
	}},

	// pgx
	{Pkg: "github.com/jackc/pgx/v5", Recv: "*Conn", Cat: Database, Does: "queries the database", Names: []string{
		"Exec", "Query", "QueryRow", "SendBatch", "Begin", "BeginTx", "Ping", "CopyFrom", "Prepare",
	}},
	{Pkg: "github.com/jackc/pgx/v5/pgxpool", Recv: "*Pool", Cat: Database, Does: "queries the database", Names: []string{
		"Exec", "Query", "QueryRow", "SendBatch", "Begin", "BeginTx", "Ping", "CopyFrom",
	}},
	{Pkg: "github.com/jackc/pgx/v5/pgxpool", Recv: "*Pool", Cat: Database, Does: "acquires a connection, dialling when none is idle", Names: []string{
		"Acquire",
	}},
	{Pkg: "github.com/jackc/pgx/v5", Recv: "Tx", Cat: Database, Does: "queries the database", Names: []string{
		"Exec", "Query", "QueryRow", "SendBatch", "CopyFrom", "Prepare", "Begin", "Commit", "Rollback",
	}},
	{Pkg: "github.com/jackc/pgx/v5", Cat: Database, Does: "connects to the database", Names: []string{"Connect", "ConnectConfig"}},
	{Pkg: "github.com/jackc/pgx/v5/pgxpool", Recv: "*Conn", Cat: Database, Does: "queries the database", Names: []string{
		"Exec", "Query", "QueryRow", "SendBatch", "Begin", "BeginTx", "Ping", "CopyFrom",
	}},

	// mongo-driver
	{Pkg: "go.mongodb.org/mongo-driver/v2/mongo", Recv: "*Collection", Cat: Database, Does: "queries the database", Names: []string{
		"InsertOne", "InsertMany", "Find", "FindOne", "FindOneAndUpdate", "FindOneAndReplace",
		"FindOneAndDelete", "UpdateOne", "UpdateMany", "UpdateByID", "ReplaceOne", "DeleteOne",
		"DeleteMany", "Aggregate", "CountDocuments", "EstimatedDocumentCount", "Distinct", "BulkWrite",
		"Watch", "Drop",
	}},
	{Pkg: "go.mongodb.org/mongo-driver/v2/mongo", Recv: "*Cursor", Cat: Database, Does: "fetches from the database", Names: []string{
		"Next", "TryNext", "All",
	}},
	{Pkg: "go.mongodb.org/mongo-driver/v2/mongo", Recv: "*Database", Cat: Database, Does: "queries the database", Names: []string{"RunCommand"}},
	{Pkg: "go.mongodb.org/mongo-driver/v2/mongo", Recv: "*Client", Cat: Database, Does: "queries the database", Names: []string{"Ping"}},
}
