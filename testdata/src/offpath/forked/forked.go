// Package forked logs through a project's copy of glog: its V(n) is
// verbosity as glog's is, known by its API, whatever its path.
package forked

import "example.com/weed/glog"

// hotpath
func Handle(id string) { // want Handle:"hot blocking\\(log\\): glog.Infof"
	glog.V(2).Infof("cache hit %s", id) // silent: verbose, off in production
	glog.Infof("request %s", id)        // want `glog.Infof writes a log`
}
