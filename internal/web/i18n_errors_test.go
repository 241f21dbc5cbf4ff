package web_test

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/i18n"
)

// Domain errors reach pages through localizeError, which translates the
// English format string (the message id) and the assessment.Term arguments
// (the names of kinds of object in "not found"). This test reads the Go
// sources of the packages whose errors reach users and fails when such a
// format, or object name, has no translation in the errors, account or
// agency message files of every language, so a new error cannot ship in
// English only.

// errorSourceDirs are the packages scanned, relative to internal/web.
var errorSourceDirs = []string{"../assessment", "../store", "../policy", "../report", "../workbook", "../app", ".", "api", "httpx"}

// errorMessageAreas are the message files domain errors are translated in:
// errors.<lang>.json (assessments, answers, organisations, the error page),
// account.<lang>.json (accounts, members, invitations, tokens),
// work.<lang>.json (workflow, comments, cycles, sharing, partners, progress),
// agency.<lang>.json (contributions, consolidation), ops.<lang>.json
// (operations), autosave.<lang>.json (saving answers: conflicts) and
// pdf.<lang>.json (the PDF renderer's refusals); partners.<lang>.json
// (partner requests).
var errorMessageAreas = []string{"errors", "account", "work", "agency", "ops", "autosave", "pdf", "plan", "journeys", "hardening", "reportdoc", "evidence", "workbook", "partners"}

// apiOnlyFormats are formats only the JSON API returns; the API answers in
// English by contract (errors_i18n.go), so they need no translation. Keep
// this list short: a format that can reach a page does not belong here.
var apiOnlyFormats = map[string]string{
	"is required (yes, partly, no, unknown, na, or \"\" to clear)": "api/indicator.go, api/contribution.go: JSON body field",
	"is required: send the version you read":                       "api/indicator.go, api/capability.go, api/contribution.go: JSON body field",
	"has the wrong type: expected %s":                              "httpx/request.go: JSON decoding",
	"is not valid JSON (at byte %d)":                               "httpx/request.go: JSON decoding",
	"is empty; send a JSON object":                                 "httpx/request.go: JSON decoding",
	"is not a known field":                                         "httpx/request.go: JSON decoding",
	"the request body is larger than the limit of %s":              "httpx/request.go: JSON decoding",
	"could not be read: %s":                                        "httpx/request.go: JSON decoding",
	"must hold a single JSON object":                               "httpx/request.go: JSON decoding",
	"sign in to continue":                                          "context.go: pages redirect to the sign-in page instead",
	"the API token is unknown, expired or revoked":                 "store/token.go: bearer tokens are API only",
	// The consolidation API's own JSON body fields.
	"is required: send the version of the national answer you read":                          "api/consolidation.go: JSON body field",
	"send either contribution_id (to adopt) or answer and reason (to decide), not both":      "api/consolidation.go: JSON body fields",
	"is required to adopt a contribution's answer; send answer and reason instead to decide": "api/consolidation.go: JSON body field",
}

// pendingAreaPrefixes name the source files of features whose messages are
// not translated yet (none at present). A format used only in such files is
// not required yet; remove a prefix when its area's messages are
// translated. A format also used elsewhere is always required.
var pendingAreaPrefixes = []string{}

// A call site of a translatable error text.
type errorSite struct {
	text string // the format, or the object name
	pos  string
}

func TestErrorFormatsTranslated(t *testing.T) {
	formats, objects, problems := scanErrorSources(t)
	for _, p := range problems {
		t.Error(p)
	}
	messages := loadErrorMessages(t)

	required := map[string][]string{} // format → call sites
	for _, s := range formats {
		required[s.text] = append(required[s.text], s.pos)
	}
	checked := 0
	for format, sites := range required {
		if _, ok := apiOnlyFormats[format]; ok {
			continue
		}
		if allPending(sites) {
			continue
		}
		checked++
		for _, l := range i18n.Languages {
			if _, ok := messages[l.Code][format]; !ok {
				t.Errorf("%s: error format %q has no translation in %s (%s)", l.Code, format, areaFiles(l.Code), strings.Join(sites, ", "))
			}
		}
	}
	for _, s := range objects {
		if allPending([]string{s.pos}) {
			continue
		}
		id := "Obj_" + s.text
		for _, l := range i18n.Languages {
			if _, ok := messages[l.Code][id]; !ok {
				t.Errorf("%s: object name %q (%s) has no message %q in %s", l.Code, s.text, s.pos, id, areaFiles(l.Code))
			}
		}
	}
	if checked < 30 {
		t.Errorf("only %d error formats found in the sources: is the scan still finding them?", checked)
	}
	for format := range apiOnlyFormats {
		if _, ok := required[format]; !ok {
			t.Errorf("apiOnlyFormats lists %q, which no longer occurs in the sources: remove it", format)
		}
	}

	// Translations keep the English format's verbs: the same argument
	// with the same verb, in order or by explicit index (%[2]s).
	for _, l := range i18n.Languages[1:] {
		for id, msg := range messages[l.Code] {
			if strings.HasPrefix(id, "Obj_") {
				continue
			}
			if want, got := fmtVerbs(id), fmtVerbs(msg); want != got {
				t.Errorf("%s: translation of %q uses verbs %s, the format %s: %q", l.Code, id, got, want, msg)
			}
		}
	}
}

func areaFiles(lang string) string {
	var out []string
	for _, a := range errorMessageAreas {
		out = append(out, a+"."+lang+".json")
	}
	return strings.Join(out, ", ")
}

func allPending(sites []string) bool {
	for _, s := range sites {
		if !pendingFile(filepath.Base(strings.SplitN(s, ":", 2)[0])) {
			return false
		}
	}
	return true
}

func pendingFile(name string) bool {
	for _, p := range pendingAreaPrefixes {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// loadErrorMessages reads the message ids and texts of the error areas,
// per language.
func loadErrorMessages(t *testing.T) map[string]map[string]string {
	out := map[string]map[string]string{}
	for _, l := range i18n.Languages {
		out[l.Code] = map[string]string{}
		for _, area := range errorMessageAreas {
			data, err := os.ReadFile(filepath.Join("..", "i18n", "locales", area+"."+l.Code+".json"))
			if os.IsNotExist(err) {
				continue
			}
			if err != nil {
				t.Fatal(err)
			}
			var m map[string]any
			if err := json.Unmarshal(data, &m); err != nil {
				t.Fatalf("%s.%s.json: %v", area, l.Code, err)
			}
			for id, v := range m {
				switch v := v.(type) {
				case string:
					out[l.Code][id] = v
				case map[string]any:
					s, _ := v["other"].(string)
					out[l.Code][id] = s
				}
			}
		}
	}
	return out
}

// scanErrorSources finds, with go/ast, every literal format given to
// assessment.Errorf and assessment.FieldError (and loadOrganisation's
// refusal), and every literal object name given to NotFound and the
// helpers that call it. Problems are errors built so that pages cannot
// translate them.
func scanErrorSources(t *testing.T) (formats, objects []errorSite, problems []string) {
	// Calls whose argument at the index is an error format.
	formatSinks := map[string]int{"Errorf": 1, "FieldError": 1, "loadOrganisation": 2}
	// Calls whose argument at the index is an object name for NotFound.
	objectSinks := map[string]int{"NotFound": 0, "notFound": 1, "paramID": 2, "assessmentNotFound": 0}

	fset := token.NewFileSet()
	for _, dir := range errorSourceDirs {
		pkgs, err := parser.ParseDir(fset, dir, func(fi os.FileInfo) bool { return !strings.HasSuffix(fi.Name(), "_test.go") }, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, pkg := range pkgs {
			consts := stringConsts(pkg)
			names := make([]string, 0, len(pkg.Files))
			for n := range pkg.Files {
				names = append(names, n)
			}
			sort.Strings(names)
			for _, name := range names {
				f := pkg.Files[name]
				ast.Inspect(f, func(n ast.Node) bool {
					switch n := n.(type) {
					case *ast.CallExpr:
						fn, ok := errorCallName(n, pkg.Name)
						if !ok {
							return true
						}
						pos := fset.Position(n.Pos()).String()
						if i, ok := formatSinks[fn]; ok && i < len(n.Args) {
							if s, ok := literalString(n.Args[i], consts); ok {
								formats = append(formats, errorSite{s, pos})
							} else if fn != "loadOrganisation" && !pendingFile(filepath.Base(name)) {
								problems = append(problems, fmt.Sprintf("%s: %s with a format that is not a literal string: its translation cannot be checked", pos, fn))
							}
						}
						if i, ok := objectSinks[fn]; ok && i < len(n.Args) {
							if s, ok := literalString(n.Args[i], consts); ok {
								objects = append(objects, errorSite{s, pos})
							}
						}
					case *ast.CompositeLit:
						if isErrorType(n.Type, pkg.Name) && untranslatableLiteral(n, consts) && !pendingFile(filepath.Base(name)) {
							problems = append(problems, fmt.Sprintf("%s: assessment.Error with a literal Message and no Format cannot be translated; use assessment.Errorf",
								fset.Position(n.Pos())))
						}
					}
					return true
				})
			}
		}
	}
	return formats, objects, problems
}

// errorCallName names the function of a call when it is one of ours:
// assessment.X, a bare X inside package assessment, or a helper of the
// scanned package (notFound, paramID, s.loadOrganisation).
func errorCallName(call *ast.CallExpr, pkg string) (string, bool) {
	switch fn := call.Fun.(type) {
	case *ast.SelectorExpr:
		if x, ok := fn.X.(*ast.Ident); ok && x.Name == "assessment" {
			return fn.Sel.Name, true
		}
		if fn.Sel.Name == "loadOrganisation" {
			return fn.Sel.Name, true
		}
	case *ast.Ident:
		switch {
		case pkg == "assessment" && (fn.Name == "Errorf" || fn.Name == "FieldError" || fn.Name == "NotFound"):
			return fn.Name, true
		case fn.Name == "notFound" || fn.Name == "paramID" || fn.Name == "assessmentNotFound":
			return fn.Name, true
		}
	}
	return "", false
}

func isErrorType(e ast.Expr, pkg string) bool {
	switch e := e.(type) {
	case *ast.SelectorExpr:
		x, ok := e.X.(*ast.Ident)
		return ok && x.Name == "assessment" && e.Sel.Name == "Error"
	case *ast.Ident:
		return pkg == "assessment" && e.Name == "Error"
	}
	return false
}

// untranslatableLiteral: an Error literal whose Message is fixed text (a
// string, or fmt.Sprintf of one) without the Format pages translate by.
func untranslatableLiteral(lit *ast.CompositeLit, consts map[string]string) bool {
	var msg ast.Expr
	for _, el := range lit.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		switch k, _ := kv.Key.(*ast.Ident); {
		case k == nil:
		case k.Name == "Format":
			return false
		case k.Name == "Message":
			msg = kv.Value
		}
	}
	if msg == nil {
		return false
	}
	if _, ok := literalString(msg, consts); ok {
		return true
	}
	if call, ok := msg.(*ast.CallExpr); ok && len(call.Args) > 0 {
		if sel, ok := call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Sprintf" {
			_, ok := literalString(call.Args[0], consts)
			return ok
		}
	}
	return false
}

// literalString evaluates a string literal, a concatenation of literals, or
// a package-level string constant or variable initialised with one.
func literalString(e ast.Expr, consts map[string]string) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(e.Value)
		return s, err == nil
	case *ast.Ident:
		s, ok := consts[e.Name]
		return s, ok
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		a, ok1 := literalString(e.X, consts)
		b, ok2 := literalString(e.Y, consts)
		return a + b, ok1 && ok2
	case *ast.ParenExpr:
		return literalString(e.X, consts)
	}
	return "", false
}

// stringConsts collects a package's top-level string constants and
// variables initialised with a literal (refusal texts, for example).
func stringConsts(pkg *ast.Package) map[string]string {
	out := map[string]string{}
	for _, f := range pkg.Files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || (gd.Tok != token.CONST && gd.Tok != token.VAR) {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, n := range vs.Names {
					if i < len(vs.Values) {
						if s, ok := literalString(vs.Values[i], nil); ok {
							out[n.Name] = s
						}
					}
				}
			}
		}
	}
	return out
}

// fmtVerbs describes the arguments a format uses, as "1:s 2:d": each
// argument's position with its verb, explicit indexes resolved.
func fmtVerbs(format string) string {
	used := map[int]string{}
	arg := 1
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		if i < len(format) && format[i] == '%' {
			continue
		}
		for i < len(format) && strings.ContainsRune("+-# 0123456789.*", rune(format[i])) {
			i++
		}
		if i < len(format) && format[i] == '[' {
			end := strings.IndexByte(format[i:], ']')
			if end > 0 {
				if n, err := strconv.Atoi(format[i+1 : i+end]); err == nil {
					arg = n
				}
				i += end + 1
			}
		}
		if i < len(format) {
			used[arg] = used[arg] + string(format[i])
			arg++
		}
	}
	keys := make([]int, 0, len(used))
	for k := range used {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%d:%s", k, used[k]))
	}
	return strings.Join(parts, " ")
}
