package main

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/store"
)

// demoDocument is an evidence file of the demo: a short PDF or text
// written here, attached to the first indicator of a capability.
type demoDocument struct {
	capability, filename, title, date string
	lines                             []string
	text                              bool // plain text rather than PDF
}

// demoDocuments2025 are attached to the 2025 assessment before it is
// approved, so the 2026 cycle carries them forward with their answers.
var demoDocuments2025 = []demoDocument{
	{capability: "leadership", filename: "decree-12-2024-national-council.pdf", title: "Decree 12/2024 establishing the National Council for Child Protection", date: "2024-03-18",
		lines: []string{"Republic of Demoland - Official Gazette", "Decree 12/2024", "establishing the National Council for Child Protection", "Article 1. A National Council for Child Protection is established.", "Article 2. The Council coordinates the national response to child sexual exploitation and abuse.", "Article 3. The Council reports to Parliament every year."}},
	{capability: "leadership", filename: "council-terms-of-reference.pdf", title: "Terms of reference of the National Council", date: "2024-05-02",
		lines: []string{"National Council for Child Protection", "Terms of reference", "Membership: ministries of justice, interior, education, health and social affairs; the police; the public prosecution service; the child helpline; two civil society organisations.", "Meetings: every quarter; minutes are published."}},
	{capability: "legislation", filename: "law-2019-07-child-protection-extract.pdf", title: "Child Protection Law 7/2019 (extract)", date: "2019-11-04",
		lines: []string{"Child Protection Law 7/2019 - extract", "Article 14. Possession, production and distribution of child sexual abuse material are offences.", "Article 15. Online service providers report suspected child sexual abuse material to the police."}},
	{capability: "child-helpline", filename: "helpline-annual-report-2024.txt", title: "Child helpline annual report 2024 (summary)", date: "2025-01-31", text: true,
		lines: []string{"Demoland Child Helpline - Annual report 2024 (summary)", "", "Contacts answered: 18,412 (phone 61%, chat 27%, messaging 12%).", "Referrals to social services: 1,204. Referrals to the police: 311.", "Opening hours: 24 hours a day, 7 days a week, free of charge."}},
}

// demoEvidence attaches documents to an assessment's indicators.
func demoEvidence(ctx context.Context, db *store.Store, fw *framework.Framework, by assessment.Actor, assessmentID int64, docs []demoDocument) error {
	for _, d := range docs {
		c := fw.Capability(d.capability)
		if c == nil || len(c.Indicators) == 0 {
			return fmt.Errorf("demo evidence: no capability %q", d.capability)
		}
		body, ctype := demoPDF(d.lines), "application/pdf"
		if d.text {
			body, ctype = []byte(strings.Join(d.lines, "\n")+"\n"), "text/plain; charset=utf-8"
		}
		date, err := time.Parse(time.DateOnly, d.date)
		if err != nil {
			return err
		}
		t := store.EvidenceTarget{AssessmentID: assessmentID, IndicatorKey: c.Indicators[0].Key}
		up := store.EvidenceUpload{Meta: assessment.EvidenceMeta{Filename: d.filename, Title: d.title, Date: &date}, ContentType: ctype, Body: bytes.NewReader(body)}
		if _, err := db.AddEvidence(ctx, by, t, up); err != nil {
			return fmt.Errorf("demo evidence %s: %w", d.filename, err)
		}
	}
	return nil
}

// demoPDF writes a one-page PDF with the lines in Helvetica.
func demoPDF(lines []string) []byte {
	var stream strings.Builder
	stream.WriteString("BT /F1 11 Tf 60 780 Td 15 TL\n")
	for i, l := range lines {
		if i == 0 {
			stream.WriteString("/F1 14 Tf\n")
		} else if i == 1 {
			stream.WriteString("/F1 11 Tf\n")
		}
		l = strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`).Replace(l)
		fmt.Fprintf(&stream, "(%s) '\n", l)
	}
	stream.WriteString("ET")
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", stream.Len(), stream.String()),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}
