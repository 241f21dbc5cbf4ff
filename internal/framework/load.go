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
const CurrentFile = "data/mnr-2026.2.yaml"

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
	embeddedOnce sync.Once
	embedded     map[string]*Framework
	embeddedErr  error
)

// Get returns the embedded framework of a given version, so an assessment
// keeps reading the version it was started on after a newer one ships.
func Get(version string) (*Framework, error) {
	if d, err := Default(); err == nil && d.Version == version {
		return d, nil
	}
	all, err := loadEmbedded()
	if err != nil {
		return nil, err
	}
	if f, ok := all[version]; ok {
		return f, nil
	}
	return nil, fmt.Errorf("framework version %q is not available in this build", version)
}

// Versions lists the embedded framework versions, oldest first.
func Versions() ([]string, error) {
	all, err := loadEmbedded()
	if err != nil {
		return nil, err
	}
	return sortedKeys(all), nil
}

// loadEmbedded parses every embedded version once, then checks each one's
// mappings against the earlier versions it names.
func loadEmbedded() (map[string]*Framework, error) {
	embeddedOnce.Do(func() {
		all := map[string]*Framework{}
		d, derr := Default()
		if derr == nil {
			all[d.Version] = d
		}
		names, err := fs.Glob(dataFS, "data/*.yaml")
		if err != nil {
			embeddedErr = err
			return
		}
		for _, n := range names {
			if !isSource(n) || (n == CurrentFile && derr == nil) {
				continue
			}
			b, err := dataFS.ReadFile(n)
			if err != nil {
				embeddedErr = err
				return
			}
			f, err := parseWith(b, dataFS, n)
			if err != nil {
				embeddedErr = fmt.Errorf("%s: %w", n, err)
				return
			}
			all[f.Version] = f
		}
		for _, f := range all {
			err := f.CheckMappings(func(v string) (*Framework, error) {
				if g, ok := all[v]; ok {
					return g, nil
				}
				return nil, fmt.Errorf("version %q is not in this build", v)
			})
			if err != nil {
				embeddedErr = fmt.Errorf("framework %s: %w", f.Version, err)
				return
			}
		}
		embedded = all
	})
	return embedded, embeddedErr
}

// isSource tells a version's source file (mnr-2026.1.yaml) from its
// translation files (mnr-2026.1.ar.yaml) and glossaries.
func isSource(name string) bool {
	base := path.Base(name)
	return strings.HasPrefix(base, "mnr-") && strings.Count(base, ".") == 2
}

// Parse decodes and validates a framework file on its own (no translation
// files). Unknown fields are rejected so a typo in the data file fails
// loudly instead of silently dropping text.
func Parse(b []byte) (*Framework, error) { return parseWith(b, nil, "") }

// ParseFS parses the source file at name in fsys together with its
// translation files (name without .yaml, then .<lang>.yaml), and checks
// its mappings against the earlier versions they name: the file of that
// version beside it (mnr-<version>.yaml), else the embedded one.
func ParseFS(fsys fs.FS, name string) (*Framework, error) {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	f, err := parseWith(b, fsys, name)
	if err != nil {
		return nil, err
	}
	err = f.CheckMappings(func(v string) (*Framework, error) {
		sibling := path.Join(path.Dir(name), "mnr-"+v+".yaml")
		if b, err := fs.ReadFile(fsys, sibling); err == nil {
			return parseWith(b, fsys, sibling)
		}
		all, err := loadEmbedded()
		if err != nil {
			return nil, err
		}
		if g, ok := all[v]; ok {
			return g, nil
		}
		return nil, fmt.Errorf("no file %s and no embedded version %q", sibling, v)
	})
	if err != nil {
		return nil, err
	}
	return f, nil
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
	f.normalise()
	if err := f.Validate(); err != nil {
		return nil, err
	}
	f.index()
	return &f, nil
}
