//! The exit door: export → import into an empty file → export gives byte-identical JSON,
//! for generated practices with awkward text, every enum value and edge-of-range numbers.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, TimeZone, Utc};
use coachbook::Store;
use coachbook::export::{self, ClientRecord, Document, GoalRecord, ImportOptions};
use coachbook::model::*;
use proptest::prelude::*;
use proptest::sample::Index;
use uuid::Uuid;

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "\\PC{0,40}",
        "[a-zA-Z \n\"\\\\*_#-]{0,60}",
        "[ÀÿŁłŞşØøé中文😀 ]{1,12}",
    ]
}

fn name() -> impl Strategy<Value = String> {
    "[A-Za-zÀ-ÿŁłŞş中文][A-Za-zÀ-ÿ '’-]{0,20}[a-zé]"
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (2000i32..2040, 1u32..=12, 1u32..=28)
        .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).expect("valid day"))
}

fn opt_date() -> impl Strategy<Value = Option<NaiveDate>> {
    prop::option::of(date())
}

fn stamp() -> impl Strategy<Value = DateTime<Utc>> {
    (946_684_800i64..2_200_000_000, 0u32..1000).prop_map(|(s, ms)| {
        Utc.timestamp_opt(s, ms * 1_000_000)
            .single()
            .expect("valid instant")
    })
}

fn local_time() -> impl Strategy<Value = DateTime<FixedOffset>> {
    (stamp(), -48i32..=56).prop_map(|(t, quarter_hours)| {
        let offset = FixedOffset::east_opt(quarter_hours * 15 * 60).expect("valid offset");
        t.with_timezone(&offset)
    })
}

fn id() -> impl Strategy<Value = Uuid> {
    any::<u128>().prop_map(Uuid::from_u128)
}

fn pick<T: Copy + std::fmt::Debug + 'static>(all: &'static [T]) -> impl Strategy<Value = T> {
    prop::sample::select(all)
}

fn client(competency_ids: Vec<Uuid>) -> impl Strategy<Value = ClientRecord> {
    let details = (
        (
            name(),
            prop_oneof![Just(String::new()), Just("ana@example.com".to_string())],
            text(),
            text(),
            text(),
        ),
        (
            pick(Stage::ALL),
            opt_date(),
            pick(EngagementStatus::ALL),
            date(),
            0i64..900,
            any::<bool>(),
        ),
        (
            text(),
            prop::collection::btree_set("[a-z][a-z-]{0,8}", 0..3),
        ),
    )
        .prop_map(
            |(
                (name, email, phone, org, role),
                (stage, promo, status, start, len, ended),
                (bg, tags),
            )| {
                ClientDetails {
                    name,
                    email,
                    phone,
                    organisation: org,
                    role,
                    stage,
                    promotion_date: promo,
                    sponsor_name: String::new(),
                    sponsor_email: String::new(),
                    status,
                    engagement_start: Some(start),
                    engagement_end: ended.then(|| start + Duration::days(len)),
                    background: bg,
                    tags: tags.into_iter().collect(),
                }
            },
        );
    let goal = (
        id(),
        prop::option::of(prop::sample::select(if competency_ids.is_empty() {
            vec![Uuid::nil()]
        } else {
            competency_ids.clone()
        })),
        name(),
        text(),
        (0i32..=10, 0i32..=10, date(), 0i64..400),
        pick(GoalStatus::ALL),
        (stamp(), stamp()),
        prop::collection::vec(
            (
                id(),
                date(),
                0i32..=10,
                pick(Rater::ALL),
                text(),
                prop::option::of(any::<Index>()),
                stamp(),
            ),
            0..4,
        ),
    );
    let session = (
        id(),
        local_time(),
        1i32..=720,
        (
            pick(SessionFormat::ALL),
            pick(Medium::ALL),
            pick(SessionStatus::ALL),
        ),
        (text(), text(), text(), text(), text()),
        prop::collection::vec(any::<Index>(), 0..3),
        (stamp(), stamp()),
    );
    let assignment = (
        id(),
        (
            name(),
            pick(ExposureKind::ALL),
            1i32..=5,
            text(),
            "[a-z]{1,20}",
        ),
        prop::collection::vec(any::<Index>(), 0..2),
        (date(), prop::option::of(0i64..90)),
        pick(AssignmentStatus::ALL),
        prop::option::of((0i64..30, text(), text(), text(), text(), 1i32..=5, 1i32..=5)),
        stamp(),
    );
    (
        id(),
        details,
        prop::option::of(stamp()),
        (stamp(), stamp()),
        prop::collection::vec(goal, 0..4),
        prop::collection::vec(session, 0..4),
        prop::collection::vec(assignment, 0..3),
    )
        .prop_map(
            move |(
                cid,
                details,
                archived_at,
                (created_at, updated_at),
                goals,
                sessions,
                assignments,
            )| {
                let sessions: Vec<Session> = sessions
                    .into_iter()
                    .map(
                        |(
                            sid,
                            starts_at,
                            duration,
                            (format, medium, status),
                            (agenda, notes, private_notes, takeaways, next_steps),
                            links,
                            (c, u),
                        )| {
                            Session {
                                id: sid,
                                client_id: cid,
                                details: SessionDetails {
                                    starts_at,
                                    duration_minutes: duration,
                                    format,
                                    medium,
                                    status,
                                    agenda,
                                    notes,
                                    private_notes,
                                    takeaways,
                                    next_steps,
                                    goal_ids: links_to(
                                        &goals.iter().map(|g| g.0).collect::<Vec<_>>(),
                                        &links,
                                    ),
                                },
                                created_at: c,
                                updated_at: u,
                            }
                        },
                    )
                    .collect();
                let goal_records = goals
                    .iter()
                    .map(
                        |(
                            gid,
                            comp,
                            title,
                            criteria,
                            (baseline, target, started, span),
                            status,
                            (c, u),
                            check_ins,
                        )| GoalRecord {
                            goal: Goal {
                                id: *gid,
                                client_id: cid,
                                details: GoalDetails {
                                    competency_id: comp.filter(|c| !c.is_nil()),
                                    title: title.clone(),
                                    success_criteria: criteria.clone(),
                                    baseline: *baseline,
                                    target: *target,
                                    started_on: Some(*started),
                                    target_date: Some(*started + Duration::days(*span)),
                                    status: *status,
                                },
                                created_at: *c,
                                updated_at: *u,
                            },
                            check_ins: check_ins
                                .iter()
                                .map(|(ciid, on, score, rater, note, session, at)| CheckIn {
                                    id: *ciid,
                                    goal_id: *gid,
                                    details: CheckInDetails {
                                        on: *on,
                                        score: *score,
                                        rater: *rater,
                                        note: note.clone(),
                                        session_id: session.and_then(|i| {
                                            (!sessions.is_empty())
                                                .then(|| sessions[i.index(sessions.len())].id)
                                        }),
                                    },
                                    created_at: *at,
                                    updated_at: *at,
                                })
                                .collect(),
                        },
                    )
                    .collect();
                let assignments = assignments
                    .into_iter()
                    .map(
                        |(
                            aid,
                            (title, kind, stakes, scenario, plan),
                            links,
                            (assigned, due),
                            status,
                            debrief,
                            at,
                        )| {
                            let debrief = debrief.map(|(after, w, c, o, l, comp, dq)| Debrief {
                                held_on: assigned + Duration::days(after),
                                what_happened: w,
                                client_actions: c,
                                outcome: o,
                                lessons: l,
                                composure: comp,
                                decision_quality: dq,
                            });
                            Assignment {
                                id: aid,
                                client_id: cid,
                                details: AssignmentDetails {
                                    title,
                                    kind,
                                    stakes,
                                    scenario,
                                    support_plan: plan,
                                    goal_ids: links_to(
                                        &goals.iter().map(|g| g.0).collect::<Vec<_>>(),
                                        &links,
                                    ),
                                    assigned_on: assigned,
                                    due_on: due.map(|d| assigned + Duration::days(d)),
                                    status: if debrief.is_none()
                                        && status == AssignmentStatus::Debriefed
                                    {
                                        AssignmentStatus::Completed
                                    } else {
                                        status
                                    },
                                    debrief,
                                },
                                created_at: at,
                                updated_at: at,
                            }
                        },
                    )
                    .collect();
                ClientRecord {
                    client: Client {
                        id: cid,
                        details,
                        archived_at,
                        created_at,
                        updated_at,
                    },
                    goals: goal_records,
                    sessions,
                    assignments,
                }
            },
        )
}

fn links_to(ids: &[Uuid], picks: &[Index]) -> Vec<Uuid> {
    let mut out: Vec<Uuid> = Vec::new();
    if ids.is_empty() {
        return out;
    }
    for p in picks {
        let id = ids[p.index(ids.len())];
        if !out.contains(&id) {
            out.push(id);
        }
    }
    out
}

fn practice() -> impl Strategy<Value = Document> {
    let extra_competencies = prop::collection::vec(
        (id(), name(), name(), text(), -5i32..50, any::<bool>()),
        0..3,
    );
    (extra_competencies, name(), text(), any::<bool>()).prop_flat_map(
        |(extra, coach_name, credentials, logo)| {
            let extra: Vec<Competency> = extra
                .into_iter()
                .map(
                    |(id, name, group, description, position, retired)| Competency {
                        id,
                        name,
                        group,
                        description,
                        position,
                        retired,
                    },
                )
                .collect();
            let mut ids: Vec<Uuid> = extra.iter().map(|c| c.id).collect();
            ids.push(
                "0b7c1a00-0000-4000-8000-00000000000c"
                    .parse()
                    .expect("default id"),
            );
            let coach = Coach {
                name: coach_name,
                credentials,
                logo: logo.then(|| {
                    Logo::from_bytes(
                        "image/png".into(),
                        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10rest",
                    )
                }),
            };
            prop::collection::vec(client(ids), 0..4).prop_map(move |clients| Document {
                format: export::FORMAT.into(),
                version: export::VERSION,
                exported_at: Utc::now(),
                coach: coach.clone(),
                competencies: extra.clone(),
                clients,
            })
        },
    )
}

fn import_into_new(doc_json: &str) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("p.db")).expect("open");
    export::import_json(&mut store, doc_json, ImportOptions::default())
        .expect("import a valid practice");
    (dir, store)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn export_import_export_is_byte_identical(doc in practice()) {
        let original = export::to_json(&doc).expect("serialise");
        let (_d1, first) = import_into_new(&original);
        let a = crate::common::snapshot(&first);
        let (_d2, second) = import_into_new(&a);
        let b = crate::common::snapshot(&second);
        prop_assert_eq!(&a, &b);

        // And nothing was lost on the way in: every record of the generated practice is there.
        let back: Document = serde_json::from_str(&a).expect("parse");
        let count = |d: &Document| {
            d.clients.iter().map(|c| 1 + c.goals.iter().map(|g| 1 + g.check_ins.len()).sum::<usize>()
                + c.sessions.len() + c.assignments.len()).sum::<usize>()
        };
        prop_assert_eq!(count(&back), count(&doc));
        prop_assert_eq!(&back.coach, &doc.coach);
        for c in &doc.competencies {
            prop_assert!(back.competencies.contains(c));
        }
    }
}

#[test]
fn the_demo_practice_round_trips_byte_identically() {
    for seed in [1, 2, 3] {
        let doc = coachbook::demo::generate(&coachbook::demo::DemoOptions {
            size: coachbook::demo::Size::Small,
            seed,
            as_of: "2026-11-24".parse().unwrap(),
        });
        let (_d1, first) = import_into_new(&export::to_json(&doc).unwrap());
        let a = crate::common::snapshot(&first);
        let (_d2, second) = import_into_new(&a);
        assert_eq!(a, crate::common::snapshot(&second), "seed {seed}");
    }
}
