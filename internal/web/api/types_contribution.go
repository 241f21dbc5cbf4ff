package api

import (
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/i18n"
)

// JSON shapes of contributions, consolidation and notifications; like the
// others, a contract separate from the domain types.

type apiContribution struct {
	ID           int64                   `json:"id"`
	AssessmentID int64                   `json:"assessment_id"`
	Organisation apiOrganisation         `json:"organisation"`
	Status       string                  `json:"status"`
	DueDate      *string                 `json:"due_date"` // YYYY-MM-DD or null
	Capabilities []string                `json:"capabilities"`
	CreatedAt    time.Time               `json:"created_at"`
	SubmittedAt  *time.Time              `json:"submitted_at"`
	Completion   *float64                `json:"completion,omitempty"`
	Answers      []apiContributionAnswer `json:"answers,omitempty"`
}

type apiContributionAnswer struct {
	Capability string `json:"capability"`
	apiIndicator
}

func apiContributionOf(c assessment.Contribution) apiContribution {
	out := apiContribution{ID: c.ID, AssessmentID: c.AssessmentID, Organisation: apiOrganisationOf(c.Agency), Status: string(c.Status),
		Capabilities: c.Capabilities, CreatedAt: c.CreatedAt, SubmittedAt: c.SubmittedAt}
	if out.Capabilities == nil {
		out.Capabilities = []string{}
	}
	if c.DueDate != nil {
		d := c.DueDate.Format(time.DateOnly)
		out.DueDate = &d
	}
	return out
}

// apiContributionDetailOf adds the completion and every answer.
func apiContributionDetailOf(cd *assessment.ContributionDetail) apiContribution {
	out := apiContributionOf(cd.Contribution)
	r := cd.Completion.Ratio()
	out.Completion = &r
	out.Answers = []apiContributionAnswer{}
	for _, cp := range cd.Capabilities {
		for _, in := range cp.Capability.Indicators {
			out.Answers = append(out.Answers, apiContributionAnswer{Capability: cp.Capability.Key, apiIndicator: apiAnswerOf(in.Phase, cp.Answer(in.Key))})
		}
	}
	return out
}

type apiPosition struct {
	ContributionID int64    `json:"contribution_id"`
	Organisation   string   `json:"organisation"`
	Answer         string   `json:"answer"`
	Evidence       string   `json:"evidence"`
	Links          []string `json:"links"`
	Note           string   `json:"note"`
}

type apiConsolidationIndicator struct {
	Key       string        `json:"key"`
	National  apiIndicator  `json:"national"`  // with its source`
	Agreement string        `json:"agreement"` // none, agree, disagree
	Open      bool          `json:"open"`      // still to adopt or decide
	Positions []apiPosition `json:"positions"`
}

type apiConsolidationCapability struct {
	Key          string                      `json:"key"`
	Asked        int                         `json:"asked"`
	In           int                         `json:"in"`
	Agreement    string                      `json:"agreement"`
	Open         int                         `json:"open"`
	Consolidated bool                        `json:"consolidated"`
	Indicators   []apiConsolidationIndicator `json:"indicators"`
}

func apiConsolidationOf(cc assessment.CapabilityConsolidation) apiConsolidationCapability {
	out := apiConsolidationCapability{Key: cc.Capability.Capability.Key, Asked: len(cc.Asked), In: cc.In, Agreement: string(cc.Agreement),
		Open: cc.Open, Consolidated: cc.Consolidated(), Indicators: []apiConsolidationIndicator{}}
	for _, ic := range cc.Indicators {
		ai := apiConsolidationIndicator{Key: ic.Indicator.Key, National: apiAnswerOf(ic.Indicator.Phase, ic.National),
			Agreement: string(ic.Agreement), Open: ic.Open, Positions: []apiPosition{}}
		for _, p := range ic.Positions {
			links := p.Answer.Links
			if links == nil {
				links = []string{}
			}
			ai.Positions = append(ai.Positions, apiPosition{ContributionID: p.Contribution.ID, Organisation: p.Contribution.Agency.Name,
				Answer: string(p.Answer.Value), Evidence: p.Answer.Evidence, Links: links, Note: p.Answer.Note})
		}
		out.Indicators = append(out.Indicators, ai)
	}
	return out
}

// apiNotification: message is in English, as it always was; text is the
// same in the caller's preferred language.
type apiNotification struct {
	ID        int64      `json:"id"`
	Kind      string     `json:"kind"`
	Message   string     `json:"message"`
	Text      string     `json:"text"`
	Link      string     `json:"link"`
	CreatedAt time.Time  `json:"created_at"`
	ReadAt    *time.Time `json:"read_at"`
}

func apiNotificationOf(n assessment.Notification, en, tr *i18n.Translator) apiNotification {
	return apiNotification{ID: n.ID, Kind: n.Kind, Message: n.TextIn(en), Text: n.TextIn(tr), Link: n.Link, CreatedAt: n.CreatedAt, ReadAt: n.ReadAt}
}
