package assessment

// Actor is who makes a change, recorded on the row and in the audit trail.
// System actions (CLI, demo loader) have UserID 0 and a descriptive name.
type Actor struct {
	UserID int64
	Name   string
	IP     string
	// Via says how a change came in when not through the app's own forms
	// or API ("workbook": imported from an offline workbook); the audit
	// trail records it with the action.
	Via string
}

// System is the actor for changes made from the command line.
var System = Actor{Name: "system"}
