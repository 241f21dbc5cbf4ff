package web

import (
	"net/http"
)

// OpsConfig is what operations need from the command line: readiness
// thresholds, the metrics token, and who this instance is.
type OpsConfig struct {
	// MinFreeBytes is the free disk space below which /readyz fails, for
	// the SQLite database's folder and the backup folder; 0 fails only on
	// a full disk.
	MinFreeBytes uint64
	// DiskPaths are further folders whose free space /readyz checks (the
	// backup folder).
	DiskPaths []string
	// FreeSpace reads the free bytes of the file system holding dir; nil
	// uses the operating system's (statfs). Tests inject a full disk here.
	FreeSpace func(dir string) (uint64, error)
	// MetricsToken, when set, serves /metrics on the main address to
	// requests bearing it (Authorization: Bearer …). Without it /metrics
	// is not on the main address at all (serve can bind it elsewhere).
	MetricsToken string
	// Instance names this process in heartbeats (default: the host name).
	Instance string
}

// opsRoutes registers readiness, metrics and the administrators' erasure
// page; routes.go calls it once.
func (s *Server) opsRoutes() {
	s.add(http.MethodGet, "/readyz", public, s.readyz)
	if s.cfg.Ops.MetricsToken != "" {
		s.add(http.MethodGet, "/metrics", public, s.metricsEndpoint)
	}
	s.add(http.MethodGet, "/admin/erase", signedIn, s.adminEraseShow)
	s.add(http.MethodPost, "/admin/erase", signedIn, s.adminErase)
}
