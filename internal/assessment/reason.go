package assessment

// Reason is a domain error given as the argument of another error's
// message, such as a text rule broken in one cell of an imported workbook:
// "Sheet X, cell F12 (evidence): <reason>". Pages translate it with its
// own format and arguments.
type Reason struct{ Err *Error }

func (r Reason) String() string {
	if r.Err == nil {
		return ""
	}
	return r.Err.Message
}
