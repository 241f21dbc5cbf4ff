package main

// demoLeads names, per capability, the unit of one of Demoland's
// organisations that leads the work on it, so the report's lead column
// reads like a real government's. Every name is fictional.
var demoLeads = map[string]string{
	"leadership":                 "National Council for Child Protection, Executive Secretariat",
	"research-analysis":          "National Council for Child Protection, Research and Data Unit",
	"legislation":                "Ministry of Justice, Legislative Drafting Department",
	"law-enforcement":            "Police Child Exploitation Unit, Online Investigations Team",
	"judiciary-prosecutors":      "Public Prosecution Service, Child Offences Section",
	"offender-management":        "Prison and Probation Service, Sex Offender Management Unit",
	"image-databases":            "Police Child Exploitation Unit, Victim Identification Team",
	"end-to-end-support":         "Ministry of Social Affairs, Child Victim Support Directorate",
	"child-protection-workforce": "Ministry of Social Affairs, Workforce Training Division",
	"compensation-remedies":      "Ministry of Justice, Victims' Rights Office",
	"child-helpline":             "Demoland Child Helpline, Counselling Services",
	"hotline":                    "Demoland Child Helpline, Online Reporting Hotline",
	"education":                  "Ministry of Education, Safeguarding and Digital Safety Unit",
	"child-participation":        "National Council for Child Protection, Children's Advisory Board",
	"offender-support":           "Ministry of Health, Prevention and Treatment Programme",
	"takedown":                   "Communications Regulatory Authority, Online Harms Team",
	"industry-reporting":         "Communications Regulatory Authority, Industry Compliance Unit",
	"innovative-solutions":       "Ministry of Digital Affairs, Safety Technology Programme",
	"corporate-responsibility":   "Ministry of Digital Affairs, Industry Partnerships Office",
	"ethical-media":              "Press Council, Ethics Committee",
	"terminology":                "National Council for Child Protection, Policy and Standards Unit",
}

// demoLead is the lead unit of a capability; a capability added to the
// framework later gets the National Council's secretariat.
func demoLead(key string) string {
	if l, ok := demoLeads[key]; ok {
		return l
	}
	return "National Council for Child Protection, Executive Secretariat"
}
