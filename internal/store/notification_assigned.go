package store

import (
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/mnr-self-assessment/mnr/internal/framework"
)

// notifyAssignedTx tells a user, inside the assignment's transaction, that
// a capability was assigned to them.
func notifyAssignedTx(tx *gorm.DB, now time.Time, assessmentID int64, capabilityKey string, userID int64) error {
	var a assessmentRow
	if err := tx.Select("id, title, framework_version").First(&a, assessmentID).Error; err != nil {
		return notFound(err, "assessment")
	}
	name := capabilityKey
	if fw, err := framework.Get(a.FrameworkVersion); err == nil && fw.Capability(capabilityKey) != nil {
		name = fw.Capability(capabilityKey).Name.In("en")
	}
	return notifyTx(tx, now, Notification{UserID: userID, Kind: NotifyAssigned,
		Message: fmt.Sprintf("You were asked to answer %q in %q.", name, a.Title),
		Link:    fmt.Sprintf("/assessments/%d/capabilities/%s", assessmentID, capabilityKey)})
}
