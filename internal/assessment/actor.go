package assessment

// Actor is who makes a change, recorded on the row and in the audit trail.
// System actions (CLI, demo loader) have UserID 0 and a descriptive name.
type Actor struct {
	UserID int64
	Name   string
	IP     string
}

// System is the actor for changes made from the command line.
var System = Actor{Name: "system"}
