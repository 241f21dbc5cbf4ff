package store

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"

	"gorm.io/gorm"
)

// textColumn is one column that can hold text.
type textColumn struct{ Table, Column string }

// sweepSkip are tables that never hold personal data (migration state,
// leases, heartbeats) and hash columns, which cannot contain a name.
var (
	sweepSkipTables  = map[string]bool{"goose_db_version": true, "audit_unlock": true, "job_leases": true, "heartbeats": true}
	sweepSkipColumns = map[string]bool{"hash": true, "password_hash": true}
)

// textColumns lists every text column of every table, read from the
// database's own catalogue, so a table added by a later migration is
// swept without anyone remembering to list it.
func textColumns(tx *gorm.DB, dialect string) ([]textColumn, error) {
	var cols []textColumn
	var err error
	if dialect == "postgres" {
		err = tx.Raw(`SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
			WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying', 'character')
			ORDER BY table_name, ordinal_position`).Scan(&cols).Error
	} else {
		err = tx.Raw(`SELECT m.name AS "table", p.name AS "column" FROM sqlite_master m, pragma_table_info(m.name) p
			WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
			AND (upper(p.type) LIKE '%TEXT%' OR upper(p.type) LIKE '%CHAR%' OR upper(p.type) LIKE '%CLOB%' OR p.type = '')
			ORDER BY m.name, p.cid`).Scan(&cols).Error
	}
	if err != nil {
		return nil, fmt.Errorf("list text columns: %w", err)
	}
	out := cols[:0]
	for _, c := range cols {
		if !sweepSkipTables[c.Table] && !sweepSkipColumns[c.Column] {
			out = append(out, c)
		}
	}
	return out, nil
}

// replacer rewrites one person's identifiers in a text value.
type replacer struct {
	needles []string // what to look for with LIKE (as given and lower-cased)
	rules   []rule
}

type rule struct {
	re   *regexp.Regexp
	with string
}

// newReplacer replaces email (anywhere, any case) by pseudoEmail and, when
// name is given, name as a whole phrase (not inside a longer word) by
// pseudonym, in plain text and as escaped inside JSON strings.
func newReplacer(email, pseudoEmail, name, pseudonym string) *replacer {
	r := &replacer{}
	add := func(s, with string, phrase bool) {
		forms := []string{s}
		if j, _ := json.Marshal(s); string(j[1:len(j)-1]) != s {
			forms = append(forms, string(j[1:len(j)-1]))
		}
		for _, f := range forms {
			r.needles = append(r.needles, f, strings.ToLower(f))
			pat := "(?i)" + regexp.QuoteMeta(f)
			if phrase {
				// Go's \b knows only ASCII letters; this boundary also
				// holds for Arabic and accented names.
				pat = `(?i)(^|[^\pL\pN])` + regexp.QuoteMeta(f) + `([^\pL\pN]|$)`
				r.rules = append(r.rules, rule{regexp.MustCompile(pat), "${1}" + with + "${2}"})
				continue
			}
			r.rules = append(r.rules, rule{regexp.MustCompile(pat), with})
		}
	}
	add(email, pseudoEmail, false)
	if name != "" {
		add(name, pseudonym, true)
	}
	return r
}

func (r *replacer) apply(v string) string {
	for _, ru := range r.rules {
		// Repeat so that adjacent occurrences sharing a boundary are all replaced.
		for next := ru.re.ReplaceAllString(v, ru.with); next != v; next = ru.re.ReplaceAllString(v, ru.with) {
			v = next
		}
	}
	return v
}

// sweep rewrites every value of every text column that contains one of the
// replacer's needles. Each distinct value is replaced wherever it occurs
// (UPDATE … WHERE column = old), which needs no knowledge of the table's
// key. It returns the number of rows changed.
func sweep(tx *gorm.DB, dialect string, r *replacer) (int64, error) {
	cols, err := textColumns(tx, dialect)
	if err != nil {
		return 0, err
	}
	var changed int64
	for _, c := range cols {
		t, col := quoteIdent(c.Table), quoteIdent(c.Column)
		var conds []string
		var args []any
		for _, n := range r.needles {
			conds = append(conds, col+` LIKE ? ESCAPE '\'`, "lower("+col+`) LIKE ? ESCAPE '\'`)
			args = append(args, likePattern(n), likePattern(n))
		}
		var values []string
		q := "SELECT DISTINCT " + col + " FROM " + t + " WHERE " + strings.Join(conds, " OR ")
		if err := tx.Raw(q, args...).Scan(&values).Error; err != nil {
			return changed, fmt.Errorf("sweep %s.%s: %w", c.Table, c.Column, err)
		}
		for _, v := range values {
			nv := r.apply(v)
			if nv == v {
				continue
			}
			res := tx.Exec("UPDATE "+t+" SET "+col+" = ? WHERE "+col+" = ?", nv, v)
			if res.Error != nil {
				return changed, fmt.Errorf("sweep %s.%s: %w", c.Table, c.Column, res.Error)
			}
			changed += res.RowsAffected
		}
	}
	return changed, nil
}

func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

func likePattern(s string) string {
	s = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
	return "%" + s + "%"
}
