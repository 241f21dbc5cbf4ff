package store

import (
	"fmt"
	"time"

	"gorm.io/gorm"
)

// notifyAssignedTx tells a user, inside the assignment's transaction, that
// a capability was assigned to them.
func notifyAssignedTx(tx *gorm.DB, now time.Time, assessmentID int64, capabilityKey string, userID int64) error {
	var a assessmentRow
	if err := tx.Select("id, title, framework_version").First(&a, assessmentID).Error; err != nil {
		return notFound(err, "assessment")
	}
	// The capability is named in each reader's language, from its key.
	msg := NotificationText("NotifMsgCapabilityAssigned", map[string]string{"Capability": capabilityKey, "Framework": a.FrameworkVersion, "Title": a.Title})
	return notifyTx(tx, now, Notification{UserID: userID, Kind: NotifyAssigned, Message: msg,
		Link: fmt.Sprintf("/assessments/%d/capabilities/%s", assessmentID, capabilityKey)})
}
