package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

type commentRow struct {
	ID            int64 `gorm:"primaryKey"`
	AssessmentID  int64
	CapabilityKey string
	ParentID      *int64
	UserID        *int64
	Kind          string
	Body          string
	CreatedAt     time.Time
	ResolvedAt    *time.Time
	ResolvedBy    *int64
}

func (commentRow) TableName() string { return "comments" }

// AddComment stores a comment or a reply, audited. Replies join the thread
// of the comment they answer (a reply to a reply joins the same thread).
// An approved assessment is locked, comments included.
func (s *Store) AddComment(ctx context.Context, by assessment.Actor, c assessment.Comment) (assessment.Comment, error) {
	row := commentRow{AssessmentID: c.AssessmentID, CapabilityKey: c.CapabilityKey, UserID: optionalUser(by),
		Kind: assessment.CommentPlain, Body: c.Body, CreatedAt: s.now()}
	err := s.tx(ctx, func(tx *gorm.DB) error {
		org, err := unlockedAssessment(tx, c.AssessmentID)
		if err != nil {
			return err
		}
		if c.ParentID != nil {
			var parent commentRow
			if err := tx.Where("id = ? AND assessment_id = ?", *c.ParentID, c.AssessmentID).First(&parent).Error; err != nil {
				return notFound(err, "comment")
			}
			if parent.ParentID != nil {
				parent.ID = *parent.ParentID
			}
			row.ParentID, row.CapabilityKey = &parent.ID, parent.CapabilityKey
		}
		if err := tx.Create(&row).Error; err != nil {
			return fmt.Errorf("insert comment: %w", err)
		}
		return appendAudit(tx, row.CreatedAt, by, assessment.AuditEvent{OrganisationID: org, AssessmentID: c.AssessmentID, Action: "comment.add",
			Object: fmt.Sprintf("comment %d", row.ID), After: auditJSON(map[string]any{"capability": row.CapabilityKey, "parent_id": row.ParentID, "body": row.Body})})
	})
	if err != nil {
		return assessment.Comment{}, err
	}
	return s.Comment(ctx, row.ID)
}

// ResolveComment closes a comment's thread, audited. Resolving twice is a
// conflict, so two reviewers never both believe they closed it.
func (s *Store) ResolveComment(ctx context.Context, by assessment.Actor, id int64) (assessment.Comment, error) {
	err := s.tx(ctx, func(tx *gorm.DB) error {
		var row commentRow
		if err := tx.First(&row, id).Error; err != nil {
			return notFound(err, "comment")
		}
		if err := assessment.CheckResolve(row.ParentID); err != nil {
			return err
		}
		org, err := unlockedAssessment(tx, row.AssessmentID)
		if err != nil {
			return err
		}
		now := s.now()
		res := tx.Model(&commentRow{}).Where("id = ? AND resolved_at IS NULL", id).Updates(map[string]any{"resolved_at": now, "resolved_by": optionalUser(by)})
		if res.Error != nil {
			return fmt.Errorf("resolve comment: %w", res.Error)
		}
		if res.RowsAffected == 0 {
			return assessment.Errorf(assessment.ECONFLICT, "this comment is already resolved")
		}
		return appendAudit(tx, now, by, assessment.AuditEvent{OrganisationID: org, AssessmentID: row.AssessmentID, Action: "comment.resolve",
			Object: fmt.Sprintf("comment %d", id), Before: auditJSON(map[string]any{"resolved": false}), After: auditJSON(map[string]any{"resolved": true})})
	})
	if err != nil {
		return assessment.Comment{}, err
	}
	return s.Comment(ctx, id)
}

// Comment returns one comment with its author's name.
func (s *Store) Comment(ctx context.Context, id int64) (assessment.Comment, error) {
	var row commentRow
	if err := s.read(ctx).First(&row, id).Error; err != nil {
		return assessment.Comment{}, notFound(err, "comment")
	}
	out, err := s.commentsOut(ctx, []commentRow{row})
	if err != nil {
		return assessment.Comment{}, err
	}
	return out[0], nil
}

// Comments lists an assessment's comments oldest first, flat; use
// assessment.Threads to group them.
func (s *Store) Comments(ctx context.Context, assessmentID int64) ([]assessment.Comment, error) {
	var rows []commentRow
	if err := s.read(ctx).Where("assessment_id = ?", assessmentID).Order("id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list comments: %w", err)
	}
	return s.commentsOut(ctx, rows)
}

// commentsOut converts rows, naming authors and resolvers; a deleted
// account shows as assessment.AuthorFormer.
func (s *Store) commentsOut(ctx context.Context, rows []commentRow) ([]assessment.Comment, error) {
	var ids []int64
	for _, r := range rows {
		for _, p := range []*int64{r.UserID, r.ResolvedBy} {
			if p != nil {
				ids = append(ids, *p)
			}
		}
	}
	names := map[int64]string{}
	if len(ids) > 0 {
		var users []userRow
		if err := s.read(ctx).Select("id, name").Where("id IN ?", ids).Find(&users).Error; err != nil {
			return nil, fmt.Errorf("load comment authors: %w", err)
		}
		for _, u := range users {
			names[u.ID] = u.Name
		}
	}
	name := func(p *int64) string {
		if p == nil {
			return assessment.AuthorSystem
		}
		if n, ok := names[*p]; ok {
			return n
		}
		return assessment.AuthorFormer
	}
	out := make([]assessment.Comment, len(rows))
	for i, r := range rows {
		c := assessment.Comment{ID: r.ID, AssessmentID: r.AssessmentID, CapabilityKey: r.CapabilityKey, ParentID: r.ParentID,
			Author: name(r.UserID), Kind: r.Kind, Body: r.Body, CreatedAt: r.CreatedAt, ResolvedAt: r.ResolvedAt}
		if r.UserID != nil {
			c.UserID = *r.UserID
		}
		if r.ResolvedAt != nil {
			c.ResolvedBy = name(r.ResolvedBy)
		}
		out[i] = c
	}
	return out, nil
}
