// Package mid calls lib.
package mid

import "example.com/lib"

type Ingester struct{ store *lib.Store }

func NewIngester(s *lib.Store) *Ingester { return &Ingester{store: s} }

// Put is two hops above the write.
func (i *Ingester) Put(rec string) { // want Put:`blocking\(file\): \(\*lib.Store\).AppendRecord -> lib.writeAll -> os.WriteFile`
	i.store.AppendRecord(rec)
}

// Check uses a method value.
func Check(n int) bool { // want Check:`blocking\(stat\): lib.Even -> lib.Odd -> os.Stat`
	even := lib.Even
	return even(n)
}

func SaveInt(b *lib.Box[int]) { // want SaveInt:`blocking\(file\): \(\*lib.Box\).Save -> os.Create`
	b.Save()
}

// Expr calls a method expression.
func Expr(s *lib.Store) { // want Expr:`blocking\(file\): \(\*lib.Store\).AppendRecord -> lib.writeAll -> os.WriteFile`
	(*lib.Store).AppendRecord(s, "x")
}

// Wrapped embeds *lib.Store: AppendRecord is promoted.
type Wrapped struct{ *lib.Store }

func Promoted(w Wrapped) { // want Promoted:`blocking\(file\): \(\*lib.Store\).AppendRecord -> lib.writeAll -> os.WriteFile`
	w.AppendRecord("x")
}

func Quiet() {
	lib.Background("x")
	lib.Init("x")
	lib.Spin(3)
	lib.Passed(func(f func()) {})
	lib.Fatal(nil)
	_ = lib.Pure(1, 2)
}
