// Package thirdparty proves the catalogue rows of third-party loggers and
// of Redis, PostgreSQL and MongoDB clients against stubs at the libraries'
// real import paths (testdata/src/...): one hot function per library, each
// with blocking calls and look-alike calls that must stay silent.
//
// Calls through a logger or client interface (logrus.FieldLogger,
// redis.Cmdable) are not reported: the dynamic type is unknown, and
// unknown is not blocking. The lines marked "by design" pin that down.
// go-kit's Logger is the exception: every go-kit logger is one, and its
// Log method is a row of the catalogue.
package thirdparty

import (
	"context"
	"io"

	"github.com/golang/glog"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	redis "github.com/redis/go-redis/v9"
	"github.com/rs/zerolog"
	"github.com/rs/zerolog/log"
	"github.com/sirupsen/logrus"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"k8s.io/klog/v2"

	oldkitlog "github.com/go-kit/kit/log"
	oldkitlevel "github.com/go-kit/kit/log/level"
	kitlog "github.com/go-kit/log"
	kitlevel "github.com/go-kit/log/level"
	redisv8 "github.com/go-redis/redis/v8"
	pgxv4 "github.com/jackc/pgx/v4"
	pgxpoolv4 "github.com/jackc/pgx/v4/pgxpool"
	mongov2 "go.mongodb.org/mongo-driver/v2/mongo"
	optionsv2 "go.mongodb.org/mongo-driver/v2/mongo/options"
	klogv1 "k8s.io/klog"
)

// hotpath
func Zap(logger *zap.Logger, sugar *zap.SugaredLogger, err error) { // want Zap:`hot blocking\(log\)`
	logger.Info("x", zap.String("k", "v"))       // want `\(\*zap.Logger\).Info writes a log record on every call of hot function Zap; log outside the hot path or through an asynchronous, buffered logger`
	logger.Debug("x")                            // silent: debug level, and nothing built
	logger.Log(zapcore.InfoLevel, "x")           // want `\(\*zap.Logger\).Log writes a log record`
	logger.With(zap.String("k", "v")).Error("x") // want `\(\*zap.Logger\).Error writes a log record`
	zap.L().Warn("x")                            // want `\(\*zap.Logger\).Warn writes a log record`
	sugar.Infow("x", "k", 1)                     // want `\(\*zap.SugaredLogger\).Infow writes a log record`
	sugar.Infof("%d", 1)                         // want `\(\*zap.SugaredLogger\).Infof writes a log record`
	sugar.Infoln("x")                            // want `\(\*zap.SugaredLogger\).Infoln writes a log record`
	zap.S().Errorw("x", "err", err)              // want `\(\*zap.SugaredLogger\).Errorw writes a log record`

	// Building loggers and fields writes nothing.
	nop := zap.NewNop()
	child := logger.With(zap.String("k", "v"))
	named := logger.Named("n")
	_, _, _ = nop, child, named
	_ = logger.Sugar()
	_ = sugar.With("k", 1)
	_ = logger.Level()
	if err != nil {
		logger.Fatal("x") // error exit: runs once per failure
	}

	logger.Sync() // want `\(\*zap\.Logger\)\.Sync flushes the log to disk`
	if ce := logger.Check(zapcore.DebugLevel, "x"); ce != nil {
		ce.Write(zap.String("k", "v")) // silent: runs only with debug logging on
	}
	sugar.Logf(zapcore.InfoLevel, "x") // want `\(\*zap\.SugaredLogger\)\.Logf writes a log record`
	if err != nil {
		sugar.Fatalf("x") // error exit: Fatalf does not return
	}
}

// hotpath
func Logrus(logger *logrus.Logger, entry *logrus.Entry, err error) { // want Logrus:`hot blocking\(log\)`
	logrus.Info("x")                                     // want `logrus.Info writes a log record on every call of hot function Logrus; log outside the hot path`
	logrus.Infof("%d", 1)                                // want `logrus.Infof writes a log record`
	logrus.Warnln("x")                                   // want `logrus.Warnln writes a log record`
	logrus.WithField("k", 1).Info("x")                   // want `\(\*logrus.Entry\).Info writes a log record`
	logger.Infof("%d", 1)                                // want `\(\*logrus.Logger\).Infof writes a log record`
	logger.Log(logrus.InfoLevel, "x")                    // want `\(\*logrus.Logger\).Log writes a log record`
	logger.WithFields(logrus.Fields{"k": 1}).Errorf("x") // want `\(\*logrus.Entry\).Errorf writes a log record`
	entry.WithError(err).Debugln("x")                    // silent: debug level (V(2), Debug)
	entry.Logf(logrus.WarnLevel, "x")                    // want `\(\*logrus.Entry\).Logf writes a log record`

	// Adding fields without a final log call writes nothing.
	e := logrus.WithField("k", 1)
	e = e.WithError(err)
	_ = e
	_ = logger.WithField("k", 1)
	_ = logrus.IsLevelEnabled(logrus.DebugLevel)
	_, _ = entry.String()
	if err != nil {
		logrus.Fatal(err) // error exit
	}

	// Not reported, by design: logging through the FieldLogger interface (how
	// loggers are usually injected) is not matched.
	var fl logrus.FieldLogger = entry
	fl.Info("x")
	if err != nil {
		entry.Fatal(err) // error exit: Fatal does not return
	}
}

// hotpath
func Zerolog(ctx context.Context, logger zerolog.Logger, err error) { // want Zerolog:`hot blocking\(log\)`
	log.Info().Str("k", "v").Msg("x")                              // want `\(\*zerolog.Event\).Msg writes a log record on every call of hot function Zerolog; log outside the hot path`
	log.Error().Err(err).Msgf("x %d", 1)                           // want `\(\*zerolog.Event\).Msgf writes a log record`
	logger.Info().Int("n", 1).Send()                               // want `\(\*zerolog.Event\).Send writes a log record`
	zerolog.Ctx(ctx).Debug().MsgFunc(func() string { return "x" }) // silent: a debug event
	// Print and Printf send debug-level events in the library's own code
	// (analysed as a dependency): not I/O.
	log.Print("x")           // silent
	logger.Printf("x %d", 1) // silent

	// Starting an event and adding fields writes nothing: Msg does.
	ev := log.Info().Str("k", "v")
	_ = ev
	_ = log.Debug().Enabled()
	_ = log.With().Str("k", "v").Logger()
	_ = logger.Level(zerolog.InfoLevel)

	logger.Write([]byte("x")) // want `zerolog\.Logger\.Write writes a log record`
}

// hotpath
func GoKit(logger kitlog.Logger, w io.Writer, err error) { // want GoKit:`hot blocking\(log\)`
	logger.Log("msg", "x")                      // want `log\.Logger\.Log writes a log record on every call of hot function GoKit; log outside the hot path`
	kitlog.With(logger, "k", 1).Log("msg", "x") // want `log\.Logger\.Log writes a log record`
	kitlevel.Info(logger).Log("msg", "x")       // want `log\.Logger\.Log writes a log record`
	kitlevel.Error(logger).Log("err", err)      // want `log\.Logger\.Log writes a log record`

	// Building loggers writes nothing: Log does.
	_ = kitlog.With(logger, "k", 1)
	_ = kitlevel.Warn(logger)
	_ = kitlog.NewLogfmtLogger(w)
	_ = kitlog.NewNopLogger()
}

// The old import path of go-kit's log packages matches the same row.

// hotpath
func GoKitOld(logger oldkitlog.Logger) { // want GoKitOld:`hot blocking\(log\)`
	logger.Log("msg", "x")                   // want `log\.Logger\.Log writes a log record on every call of hot function GoKitOld`
	oldkitlevel.Warn(logger).Log("msg", "x") // want `log\.Logger\.Log writes a log record`

	_ = oldkitlog.With(logger, "k", 1)
}

// hotpath
func Klog(err error) { // want Klog:`hot blocking\(log\)`
	klog.Info("x")                  // want `klog.Info writes a log record on every call of hot function Klog; log outside the hot path`
	klog.Infof("%d", 1)             // want `klog.Infof writes a log record`
	klog.InfoDepth(1, "x")          // want `klog.InfoDepth writes a log record`
	klog.InfoS("msg", "k", 1)       // want `klog.InfoS writes a log record`
	klog.ErrorS(err, "msg", "k", 1) // want `klog.ErrorS writes a log record`
	klog.Warningln("x")             // want `klog.Warningln writes a log record`
	klog.Errorf("x")                // want `klog.Errorf writes a log record`
	klog.V(2).Info("x")             // silent: debug level (V(2), Debug)
	klog.V(2).Infof("%d", 1)        // silent: debug level (V(2), Debug)
	klog.V(2).InfoS("msg", "k", 1)  // silent: debug level (V(2), Debug)

	_ = klog.V(2).Enabled()
	_ = klog.KRef("ns", "name")
	if err != nil {
		klog.Fatalf("x") // error exit
	}

	klog.InfofDepth(1, "x")         // want `klog\.InfofDepth writes a log record`
	klog.InfoSDepth(1, "msg")       // want `klog\.InfoSDepth writes a log record`
	klog.ErrorSDepth(1, err, "msg") // want `klog\.ErrorSDepth writes a log record`
	klog.V(2).InfoSDepth(1, "msg")  // silent: debug level (V(2), Debug)
	klog.V(2).ErrorS(err, "msg")    // silent: debug level (V(2), Debug)
	klog.Flush()                    // want `klog\.Flush writes buffered log records to disk`
}

// hotpath
func KlogV1() { // want KlogV1:`hot blocking\(log\)`
	klogv1.Info("x")      // want `klog.Info writes a log record on every call of hot function KlogV1`
	klogv1.Infof("%d", 1) // want `klog.Infof writes a log record`
	klogv1.Errorln("x")   // want `klog.Errorln writes a log record`

	if klogv1.V(2) {
		_ = 1
	}

	klogv1.InfoDepth(1, "x")   // want `klog\.InfoDepth writes a log record`
	klogv1.V(2).Info("x")      // silent: debug level (V(2), Debug)
	klogv1.V(2).Infof("%d", 1) // silent: debug level (V(2), Debug)
	klogv1.Flush()             // want `klog\.Flush writes buffered log records to disk`
}

// hotpath
func Glog(ctx context.Context, err error) { // want Glog:`hot blocking\(log\)`
	glog.Info("x")           // want `glog.Info writes a log record on every call of hot function Glog; log outside the hot path`
	glog.Infof("%d", 1)      // want `glog.Infof writes a log record`
	glog.Warningln("x")      // want `glog.Warningln writes a log record`
	glog.ErrorDepth(1, "x")  // want `glog.ErrorDepth writes a log record`
	glog.V(2).Info("x")      // silent: debug level (V(2), Debug)
	glog.V(2).Infof("%d", 1) // silent: debug level (V(2), Debug)

	if glog.V(2) {
		_ = 1
	}
	_ = glog.V(2)
	if err != nil {
		glog.Fatal(err) // error exit
	}

	glog.V(2).InfoDepth(1, "x")        // silent: debug level (V(2), Debug)
	glog.InfoDepthf(1, "%d", 1)        // want `glog\.InfoDepthf writes a log record`
	glog.InfoContext(ctx, "x")         // want `glog\.InfoContext writes a log record`
	glog.ErrorContextf(ctx, "%v", err) // want `glog\.ErrorContextf writes a log record`
	glog.Flush()                       // want `glog\.Flush writes buffered log records to disk`
}

// hotpath
func Pgx(ctx context.Context, conn *pgx.Conn, pool *pgxpool.Pool) { // want Pgx:`hot blocking\(database\)`
	var n int
	conn.Exec(ctx, "UPDATE t SET n = n + 1")                    // want `\(\*pgx.Conn\).Exec queries the database on every call of hot function Pgx; batch the queries or move them off the hot path`
	rows, _ := conn.Query(ctx, "SELECT n FROM t")               // want `\(\*pgx.Conn\).Query queries the database`
	conn.QueryRow(ctx, "SELECT 1").Scan(&n)                     // want `\(\*pgx.Conn\).QueryRow queries the database`
	conn.Prepare(ctx, "one", "SELECT 1")                        // want `\(\*pgx.Conn\).Prepare queries the database`
	conn.Ping(ctx)                                              // want `\(\*pgx.Conn\).Ping queries the database`
	conn.CopyFrom(ctx, pgx.Identifier{"t"}, []string{"n"}, nil) // want `\(\*pgx.Conn\).CopyFrom queries the database`
	tx, _ := conn.Begin(ctx)                                    // want `\(\*pgx.Conn\).Begin queries the database`
	var b pgx.Batch
	b.Queue("SELECT 1")
	br := conn.SendBatch(ctx, &b)            // want `\(\*pgx.Conn\).SendBatch queries the database`
	pool.Exec(ctx, "UPDATE t SET n = n + 1") // want `\(\*pgxpool.Pool\).Exec queries the database`
	pool.QueryRow(ctx, "SELECT 1").Scan(&n)  // want `\(\*pgxpool.Pool\).QueryRow queries the database`
	pool.SendBatch(ctx, &b)                  // want `\(\*pgxpool.Pool\).SendBatch queries the database`
	c, _ := pool.Acquire(ctx)                // want `\(\*pgxpool.Pool\).Acquire acquires a connection`
	c.Exec(ctx, "UPDATE t SET n = n + 1")    // want `\(\*pgxpool.Conn\).Exec queries the database`
	c.QueryRow(ctx, "SELECT 1").Scan(&n)     // want `\(\*pgxpool.Conn\).QueryRow queries the database`

	// Configuration, statistics, queueing a batch and releasing a
	// connection do no I/O; rows stream from a query reported above.
	_ = conn.Config()
	_ = conn.IsClosed()
	_ = pool.Config()
	_ = pool.Stat().TotalConns()
	_ = b.Len()
	_ = c.Conn()
	c.Release()
	for rows.Next() {
		rows.Scan(&n)
	}
	br.Close()

	tx.Exec(ctx, "UPDATE t SET n = n + 1") // want `pgx\.Tx\.Exec queries the database`
	tx.Commit(ctx)                         // want `pgx\.Tx\.Commit queries the database`
	pgx.Connect(ctx, "postgres://")        // want `pgx\.Connect connects to the database`
}

// hotpath
func PgxV4(ctx context.Context, conn *pgxv4.Conn, pool *pgxpoolv4.Pool) { // want PgxV4:`hot blocking\(database\)`
	var n int
	conn.Exec(ctx, "UPDATE t SET n = n + 1") // want `\(\*pgx.Conn\).Exec queries the database on every call of hot function PgxV4`
	conn.Query(ctx, "SELECT n FROM t")       // want `\(\*pgx.Conn\).Query queries the database`
	conn.QueryRow(ctx, "SELECT 1").Scan(&n)  // want `\(\*pgx.Conn\).QueryRow queries the database`
	pool.Exec(ctx, "UPDATE t SET n = n + 1") // want `\(\*pgxpool.Pool\).Exec queries the database`
	pool.QueryRow(ctx, "SELECT 1").Scan(&n)  // want `\(\*pgxpool.Pool\).QueryRow queries the database`

	_ = conn.Config()
	_ = pool.Config()
}

// Commands are methods of go-redis's unexported cmdable type, promoted into
// *Client, *Conn and *ClusterClient. The messages name the receiver at the
// call site, (*redis.Client).Get, not the declaring type.

// hotpath
func Redis(ctx context.Context, rdb *redis.Client, cc *redis.ClusterClient) { // want Redis:`hot blocking\(network\)`
	rdb.Get(ctx, "k")                                     // want `\(\*redis.Client\).Get makes a Redis round trip on every call of hot function Redis; reuse connections and batch the calls, or move them off the hot path`
	rdb.Set(ctx, "k", "v", 0)                             // want `\(\*redis.Client\).Set makes a Redis round trip`
	_ = rdb.Incr(ctx, "n").Val()                          // want `\(\*redis.Client\).Incr makes a Redis round trip`
	rdb.Ping(ctx)                                         // want `\(\*redis.Client\).Ping makes a Redis round trip`
	rdb.Do(ctx, "GET", "k")                               // want `\(\*redis.Client\).Do makes a Redis round trip`
	rdb.Pipelined(ctx, func(pipe redis.Pipeliner) error { // want `\(\*redis.Client\).Pipelined makes a Redis round trip`
		pipe.Get(ctx, "k") // queued: Pipelined sends it
		return nil
	})
	conn := rdb.Conn()
	conn.Select(ctx, 1) // want `(\(\*redis.Conn\)|redis.statefulCmdable).Select makes a Redis round trip`
	conn.Get(ctx, "k")  // want `\(\*redis.Conn\).Get makes a Redis round trip`
	cc.Get(ctx, "k")    // want `\(\*redis.ClusterClient\).Get makes a Redis round trip`

	// Options, statistics, hooks and building a client or a pipeline do no
	// I/O; commands on a pipeline are queued.
	_ = rdb.Options()
	_ = rdb.PoolStats()
	_ = rdb.String()
	rdb.AddHook(nil)
	_ = redis.NewClient(&redis.Options{Addr: "localhost:6379"})
	_ = cc.Options()
	pipe := rdb.Pipeline()
	pipe.Get(ctx, "k")
	_ = pipe.Len()

	pipe.Exec(ctx)         // want `redis\.Pipeliner\.Exec makes a Redis round trip`
	cc.Do(ctx, "GET", "k") // want `\(\*redis\.ClusterClient\)\.Do makes a Redis round trip`
	// Not reported, by design: commands through the Cmdable or UniversalClient
	// interfaces (how clients are usually injected) are not matched.
	var cmd redis.Cmdable = rdb
	cmd.Get(ctx, "k")
}

// hotpath
func RedisV8(ctx context.Context, rdb *redisv8.Client) { // want RedisV8:`hot blocking\(network\)`
	rdb.Get(ctx, "k")         // want `\(\*redis.Client\).Get makes a Redis round trip on every call of hot function RedisV8`
	rdb.Set(ctx, "k", "v", 0) // want `\(\*redis.Client\).Set makes a Redis round trip`
	rdb.Do(ctx, "GET", "k")   // want `\(\*redis.Client\).Do makes a Redis round trip`

	_ = rdb.Options()
	_ = rdb.Context()
	pipe := rdb.Pipeline()
	pipe.Get(ctx, "k") // queued

	pipe.Exec(ctx) // want `redis\.Pipeliner\.Exec makes a Redis round trip`
}

// hotpath
func Mongo(ctx context.Context, client *mongo.Client, coll *mongo.Collection) { // want Mongo:`hot blocking\(database\)`
	filter := map[string]any{"k": 1}
	var v struct{ K int }
	var vs []struct{ K int }
	coll.InsertOne(ctx, filter)                                                 // want `\(\*mongo.Collection\).InsertOne queries the database on every call of hot function Mongo; batch the queries or move them off the hot path`
	cur, _ := coll.Find(ctx, filter, options.Find().SetLimit(10))               // want `\(\*mongo.Collection\).Find queries the database`
	coll.FindOne(ctx, filter).Decode(&v)                                        // want `\(\*mongo.Collection\).FindOne queries the database`
	coll.UpdateOne(ctx, filter, map[string]any{"$inc": map[string]any{"n": 1}}) // want `\(\*mongo.Collection\).UpdateOne queries the database`
	coll.CountDocuments(ctx, filter)                                            // want `\(\*mongo.Collection\).CountDocuments queries the database`
	client.Database("db").Collection("c").InsertOne(ctx, filter)                // want `\(\*mongo.Collection\).InsertOne queries the database`

	// Handles, names and decoding the current document do no I/O.
	_ = coll.Name()
	_ = coll.Database().Name()
	_ = cur.Decode(&v)

	cur.Next(ctx)            // want `\(\*mongo\.Cursor\)\.Next fetches from the database`
	cur.All(ctx, &vs)        // want `\(\*mongo\.Cursor\)\.All fetches from the database`
	coll.Watch(ctx, []any{}) // want `\(\*mongo\.Collection\)\.Watch queries the database`
}

// hotpath
func MongoV2(ctx context.Context, coll *mongov2.Collection) { // want MongoV2:`hot blocking\(database\)`
	filter := map[string]any{"k": 1}
	var v struct{ K int }
	coll.InsertOne(ctx, filter)                           // want `\(\*mongo.Collection\).InsertOne queries the database on every call of hot function MongoV2`
	coll.Find(ctx, filter, optionsv2.Find().SetLimit(10)) // want `\(\*mongo.Collection\).Find queries the database`
	coll.FindOne(ctx, filter).Decode(&v)                  // want `\(\*mongo.Collection\).FindOne queries the database`
	coll.DeleteMany(ctx, filter)                          // want `\(\*mongo.Collection\).DeleteMany queries the database`

	_ = coll.Name()
}
