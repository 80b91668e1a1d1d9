// Package app: a hot handler calls lib.Save, which -funcs makes hot as
// well; the call is still reported here, where the user looks, whether
// or not lib's own findings are shown.
package app

import "widerfuncs/lib"

// hotpath
func Handle(p string) { // want Handle:"hot blocking\\(file\\): lib.Save -> os.WriteFile"
	lib.Save(p) // want `lib.Save performs blocking file I/O \(os.WriteFile\) on every call of hot function Handle`
}
