package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// capabilitySave takes the whole capability form (every indicator and the
// phases) and saves what changed in one transaction. It serves browsers
// without JavaScript, and the autosave script for the phases fieldset.
func (s *Server) capabilitySave(c echo.Context) error {
	d, err := s.loadDetail(c)
	if err != nil {
		return err
	}
	cd, err := capabilityIn(d, c.Param("key"))
	if err != nil {
		return err
	}
	if err := mayEdit(c, d, cd.Capability.Key); err != nil {
		return err
	}
	form, err := c.FormParams()
	if err != nil {
		return assessment.FieldError("form", "could not read the form")
	}
	takeTheirs(form)
	submitted := map[string]*answerForm{}
	var changed []assessment.Answer
	values := map[string]assessment.AnswerValue{}
	for _, in := range cd.Capability.Indicators {
		cur := cd.Answer(in.Key)
		values[in.Key] = cur.Value
		if _, present := form["version."+in.Key]; !present {
			continue
		}
		f, ai := answerFromForm(form, in.Key)
		submitted[in.Key] = f
		ans, err := ai.Validate(&d.Assessment, d.Framework, in.Key)
		if err != nil {
			return s.capabilityFormError(c, d, cd, submitted, form, err, in.Key)
		}
		if ans.Unchanged(cur) {
			continue
		}
		values[in.Key] = ans.Value
		changed = append(changed, ans)
	}
	var st *assessment.CapabilityState
	if _, present := form["cap_version"]; present {
		ci, _, err := judgementFromForm(form)
		if err != nil {
			return s.capabilityFormError(c, d, cd, submitted, form, err, "")
		}
		// Justification is checked against the suggestion the new answers give.
		after := *cd
		after.Suggested = assessment.SuggestedPhase(cd.Capability, values)
		v, err := ci.Validate(&after)
		if err != nil {
			return s.capabilityFormError(c, d, cd, submitted, form, err, "")
		}
		if !v.Unchanged(cd.State) {
			st = &v
		}
	}
	savedAnswers, savedState, err := s.db.SaveCapabilityForm(c.Request().Context(), actor(c), changed, st)
	if err != nil {
		return s.capabilityFormError(c, d, cd, submitted, form, assessment.ExplainConflict(d.Framework, err), "")
	}
	if wantsJSON(c) {
		cd.Apply(savedAnswers, savedState)
		return c.JSON(http.StatusOK, apiCapabilityOf(cd))
	}
	flash(c, s.translator(c).T("CoreSaved"))
	target := fmt.Sprintf("/assessments/%d/capabilities/%s", d.Assessment.ID, cd.Capability.Key)
	if form.Get("go") == "next" {
		if _, next := d.Neighbours(cd.Capability.Key); next != nil {
			target = fmt.Sprintf("/assessments/%d/capabilities/%s", d.Assessment.ID, next.Capability.Key)
		}
	}
	return c.Redirect(http.StatusSeeOther, target)
}

// capabilityFormError re-renders the page with the message beside the field
// and the user's input kept; script requests get JSON instead.
func (s *Server) capabilityFormError(c echo.Context, d *assessment.Detail, cd *assessment.CapabilityDetail,
	submitted map[string]*answerForm, form url.Values, err error, indicatorKey string) error {
	de, ok := assessment.AsError(err)
	if !ok || wantsJSON(c) || (de.Code != assessment.EINVALID && de.Code != assessment.ECONFLICT) {
		return err
	}
	status := statusOf[de.Code]
	de = s.localizeError(c, de) // the message is also shown beside the indicator
	tr := s.translator(c)
	if cur, ok := de.Current.(assessment.Answer); ok {
		indicatorKey = cur.IndicatorKey
		if f := submitted[indicatorKey]; f != nil {
			f.showConflict(tr, cur, de.Fields, de.Message)
		}
	}
	if indicatorKey != "" && submitted[indicatorKey] != nil {
		submitted[indicatorKey].Error, submitted[indicatorKey].ErrorField = de.Message, de.Field
	}
	_, jf, _ := judgementFromForm(form)
	var jp *judgementForm
	if _, present := form["cap_version"]; present {
		jp = &jf
		if cur, ok := de.Current.(assessment.CapabilityState); ok {
			jp.showConflict(tr, d.Framework, cur, de.Fields, de.Message)
		}
	}
	return s.renderCapability(c, status, d, cd, submitted, jp, de)
}

// answerFromForm reads one indicator's inputs (answer.<key>, evidence.<key>,
// links.<key>, note.<key>, version.<key>) and what they started from
// (base.answer.<key>, …).
func answerFromForm(form url.Values, key string) (*answerForm, assessment.AnswerInput) {
	version, _ := strconv.Atoi(form.Get("version." + key))
	in := assessment.AnswerInput{Value: form.Get("answer." + key), Evidence: form.Get("evidence." + key),
		Links: assessment.SplitLinks(form.Get("links." + key)), Note: form.Get("note." + key), Version: version,
		Base: baseFromForm(form, assessment.AnswerFields, "."+key)}
	f := &answerForm{Value: assessment.AnswerValue(in.Value), Evidence: in.Evidence, Links: form.Get("links." + key), Note: in.Note, Version: version,
		Base: assessment.NormalizeFields(assessment.AnswerFields, in.Base)}
	return f, in
}

// judgementFromForm reads the phase block (confirmed_phase, justification,
// target_phase, priority, lead, cap_version, base.<field>).
func judgementFromForm(form url.Values) (assessment.CapabilityInput, judgementForm, error) {
	base := baseFromForm(form, assessment.JudgementFields, "")
	f := judgementForm{Confirmed: form.Get("confirmed_phase"), Justification: form.Get("justification"),
		Target: form.Get("target_phase"), Priority: form.Get("priority"), Lead: form.Get("lead"),
		Base: assessment.NormalizeFields(assessment.JudgementFields, base)}
	f.Version, _ = strconv.Atoi(form.Get("cap_version"))
	in := assessment.CapabilityInput{Justification: f.Justification, Priority: f.Priority, Lead: f.Lead, Version: f.Version, Base: base}
	var err error
	if in.Confirmed, err = optionalPhase("confirmed_phase", f.Confirmed); err != nil {
		return in, f, err
	}
	if in.Target, err = optionalPhase("target_phase", f.Target); err != nil {
		return in, f, err
	}
	return in, f, nil
}

func optionalPhase(field, s string) (*int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return nil, assessment.FieldError(field, "must be a phase from 0 to 4")
	}
	return &n, nil
}

func phaseString(p *int) string {
	if p == nil {
		return ""
	}
	return strconv.Itoa(*p)
}

func phaseOfText(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

func joinLines(l []string) string { return strings.Join(l, "\n") }
