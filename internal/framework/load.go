package framework

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

//go:embed data/*.yaml
var dataFS embed.FS

// CurrentFile is the embedded framework version new assessments start on.
const CurrentFile = "data/mnr-2026.1.yaml"

var (
	defaultOnce sync.Once
	defaultFW   *Framework
	defaultErr  error
)

// Default returns the embedded current framework, parsed and validated once.
func Default() (*Framework, error) {
	defaultOnce.Do(func() {
		b, err := dataFS.ReadFile(CurrentFile)
		if err != nil {
			defaultErr = fmt.Errorf("read embedded framework: %w", err)
			return
		}
		defaultFW, defaultErr = parseWith(b, dataFS, CurrentFile)
	})
	return defaultFW, defaultErr
}

var (
	versionsMu sync.Mutex
	versions   = map[string]*Framework{}
)

// Get returns the embedded framework of a given version, so an assessment
// keeps reading the version it was started on after a newer one ships.
func Get(version string) (*Framework, error) {
	if d, err := Default(); err == nil && d.Version == version {
		return d, nil
	}
	versionsMu.Lock()
	defer versionsMu.Unlock()
	if f, ok := versions[version]; ok {
		return f, nil
	}
	names, err := fs.Glob(dataFS, "data/*.yaml")
	if err != nil {
		return nil, err
	}
	for _, n := range names {
		if strings.Count(path.Base(n), ".") > 2 { // mnr-2026.1.ar.yaml is a translation
			continue
		}
		b, err := dataFS.ReadFile(n)
		if err != nil {
			return nil, err
		}
		f, err := parseWith(b, dataFS, n)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", n, err)
		}
		versions[f.Version] = f
	}
	if f, ok := versions[version]; ok {
		return f, nil
	}
	return nil, fmt.Errorf("framework version %q is not available in this build", version)
}

// Parse decodes and validates a framework file on its own (no translation
// files). Unknown fields are rejected so a typo in the data file fails
// loudly instead of silently dropping text.
func Parse(b []byte) (*Framework, error) { return parseWith(b, nil, "") }

// ParseFS parses the source file at name in fsys together with its
// translation files (name without .yaml, then .<lang>.yaml).
func ParseFS(fsys fs.FS, name string) (*Framework, error) {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	return parseWith(b, fsys, name)
}

func parseWith(b []byte, fsys fs.FS, name string) (*Framework, error) {
	var f Framework
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("framework: decode: %w", err)
	}
	if fsys != nil {
		if err := applyTranslations(&f, fsys, name); err != nil {
			return nil, err
		}
	}
	if err := f.Validate(); err != nil {
		return nil, err
	}
	f.index()
	return &f, nil
}
