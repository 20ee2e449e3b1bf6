//! Phrase banks for session notes, in the language coaches actually write in. Placeholders:
//! {name} the client's first name, {comp} a competency, {report} a direct report, {topic}
//! a live issue at work, {org} the organisation.

pub const OPENINGS: &[&str] = &[
    "{name} arrived energised after {topic}; we spent the first ten minutes unpacking what went well.",
    "{name} opened by saying the week had been \"relentless\" — {topic} took most of it.",
    "We started with a check-in on last session's commitments; {name} had followed through on two of three.",
    "{name} wanted to use the time for {topic}, which linked naturally to the {comp} goal.",
    "Short session: {name} was between meetings about {topic} and asked to focus on one thing.",
    "{name} came in frustrated: {report} had missed another deadline and the team noticed.",
    "Opened with a scaling question on {comp}; {name} put themself higher than last month and could say why.",
    "{name} brought a live dilemma from {topic} and wanted to think it through out loud.",
];

pub const OBSERVATIONS: &[&str] = &[
    "When describing {report}, {name} moved quickly to fixing the problem rather than asking what {report} needed.",
    "{name} noticed the pull to do the technical work themself — \"it's faster if I just do it\" came up twice.",
    "There is a pattern of saying yes in the room and renegotiating by email afterwards.",
    "{name} described holding a silence for the first time in a tense meeting, and the team filled it with good ideas.",
    "The feedback to {report} was specific and timely this time; {name} named the behaviour and its impact.",
    "{name} still frames {comp} as a personality trait rather than a skill that can be practised.",
    "Stakeholders at {org} see {name} as reliable but hard to read; several said they do not know where they stand.",
    "{name} is clearer about priorities than a month ago and said no to two requests that did not fit.",
    "Under pressure {name} speeds up and narrows the circle of people consulted.",
    "{name} described the conversation with {report} as \"the hardest I've had\" and also the most useful.",
    "The delegation to {report} worked because {name} agreed the outcome and the check-in points up front.",
    "We noticed how much energy goes into managing upwards and how little into the team's development.",
];

pub const PRACTICE: &[&str] = &[
    "We role-played the conversation with {report}; on the second run {name} opened with the purpose and kept it under two minutes.",
    "Practised the opening of {topic} using the situation–behaviour–impact frame.",
    "We rehearsed saying no to a senior stakeholder without over-explaining.",
    "Worked through a pre-mortem for {topic}: what could go wrong, who needs to hear what, and when.",
    "I played an angry customer; {name} stayed calm and summarised before answering.",
    "We mapped the stakeholders for {topic} by influence and support and picked two to meet this week.",
    "Practised asking coaching questions instead of giving answers: {name} managed four in a row before offering advice.",
    "We drafted the three messages {name} needs to land with the team about {topic}.",
];

pub const PRIVATE: &[&str] = &[
    "My hypothesis: the perfectionism is protecting {name} from being seen as not technical enough.",
    "{name} seemed tired and flat today; check in on workload and sleep next time.",
    "I suspect the relationship with their own manager is the real constraint — not yet named.",
    "Watch for rescuing: I offered a solution too early in the second half.",
    "{name} mentioned thinking about leaving {org}; not for the sponsor report.",
    "Something about {report} triggers {name} strongly; possibly an echo of an earlier boss.",
    "I felt {name} was telling me what I wanted to hear about progress on {comp}.",
    "Consider supervision on this engagement: I am getting drawn into the politics of {topic}.",
];

pub const TAKEAWAYS: &[&str] = &[
    "Hand over outcomes, not tasks.",
    "Name the behaviour and its impact, then ask.",
    "Silence is a tool: count to five before filling it.",
    "Say the hard thing early, in private, and kindly.",
    "My job is to build the team's capability, not to be its best engineer.",
    "Ask \"what would you do?\" before offering an answer.",
    "In a crisis: facts first, then decisions, then communication — and repeat.",
    "Trust is built in small kept promises.",
    "A clear no is kinder than a vague yes.",
    "Check understanding by asking people to play it back.",
];

pub const NEXT_STEPS: &[&str] = &[
    "Hold the delegation conversation with {report} before Friday.",
    "Ask three peers for one thing to keep doing and one to change.",
    "Block two hours a week for leadership work and protect them.",
    "Write down the decision principles for {topic} and share them with the team.",
    "Give {report} one piece of reinforcing feedback this week.",
    "Prepare the opening two minutes for {topic} and try it on a colleague.",
    "Keep a short log of moments when composure slipped and what preceded them.",
    "Meet the sponsor to agree what success looks like by the next review.",
    "Try one coaching conversation with each direct report before we meet again.",
];

pub const AGENDA: &[&str] = &[
    "Review commitments from last session",
    "{topic}: plan the next two weeks",
    "Feedback conversation with {report}",
    "Progress on {comp}",
    "Prepare the debrief of the last exposure",
    "Stakeholder map for {topic}",
    "Energy and workload check",
];

pub const SCENARIOS: &[(&str, &str)] = &[
    (
        "Role-play: telling the team about {topic}",
        "Coach plays a sceptical senior engineer while {name} announces the change and takes questions for ten minutes.",
    ),
    (
        "Simulation: major incident bridge call",
        "Simulated severity-one outage: {name} runs the bridge, assigns roles and gives the executive update at minute 20.",
    ),
    (
        "Shadow a senior leader through {topic}",
        "{name} shadows the COO for a day during {topic}, noting how decisions are framed and communicated.",
    ),
    (
        "Lead the post-incident review",
        "{name} chairs the blameless review of last month's outage with three teams in the room.",
    ),
    (
        "Stretch: own the budget round",
        "{name} presents the department's budget to the finance committee without their manager present.",
    ),
    (
        "Stretch: run the cross-team planning day",
        "{name} facilitates the planning day for four teams with conflicting priorities.",
    ),
    (
        "Real crisis: the customer escalation",
        "A top-three customer threatens to leave over repeated failures; {name} leads the response and the call with their CEO.",
    ),
    (
        "Real crisis: site incident response",
        "{name} leads the on-site response to a safety incident, including communication with staff and the regulator.",
    ),
    (
        "Real crisis: delivering the restructuring news",
        "{name} tells their team about the restructuring that affects two roles, and handles the aftermath.",
    ),
    (
        "Real crisis: the failed launch",
        "The launch slipped publicly; {name} must reset expectations with the board and steady the team.",
    ),
];

pub const SUPPORT_PLANS: &[&str] = &[
    "Prep session the day before; {name} can call me during the day; debrief within 48 hours; manager briefed and on standby.",
    "Agreed a stop signal with the manager; a 30-minute rehearsal beforehand; I am available by phone throughout.",
    "Peer mentor on call; escalation path to the sponsor agreed in writing; debrief booked for the next morning.",
];

pub const WHAT_HAPPENED: &[&str] = &[
    "The situation escalated faster than expected; within an hour two senior stakeholders were involved.",
    "It went broadly to plan, but a hostile question in the middle threw the timing off.",
    "The team reacted with more anxiety than {name} anticipated, and questions kept coming for days.",
    "The other side came with new demands; {name} had to renegotiate on the spot.",
];

pub const CLIENT_ACTIONS: &[&str] = &[
    "{name} paused, summarised the facts, and assigned clear owners before discussing causes.",
    "{name} stayed with the discomfort, asked questions, and did not over-promise.",
    "{name} took over the technical fix at first, then noticed and handed it back to {report}.",
    "{name} communicated early and often, with a short written update every two hours.",
];

pub const OUTCOMES: &[&str] = &[
    "Resolved within the day; the sponsor commented on the calm, clear updates.",
    "Partly resolved; the relationship held, but a follow-up meeting is needed.",
    "Good outcome for the business; the team felt informed rather than surprised.",
    "Mixed: the decision was right but the communication came too late for some.",
];

pub const LESSONS: &[&str] = &[
    "Decide who does what before diving into the problem.",
    "Name your own state — \"I'm concerned, and here's the plan\" steadies the room.",
    "Hand the technical work to the team and stay on the bigger picture.",
    "Over-communicate in a crisis; silence gets filled with rumours.",
    "Prepare the first two minutes; the rest can be improvised.",
];

pub const GOAL_TITLES: &[(&str, &str)] = &[
    (
        "Delegation",
        "Delegate outcomes, not tasks, to the whole team",
    ),
    ("Giving feedback", "Give specific feedback every week"),
    (
        "Difficult conversations",
        "Raise performance issues within a week of noticing them",
    ),
    (
        "Building trust",
        "Be seen as predictable and safe to disagree with",
    ),
    (
        "Composure under pressure",
        "Stay steady and visible when things go wrong",
    ),
    (
        "Leading in a crisis",
        "Lead the team through an incident from first call to review",
    ),
    (
        "Influencing stakeholders",
        "Win support for the roadmap from peer directors",
    ),
    (
        "Setting direction",
        "Give the team three clear priorities each quarter",
    ),
    (
        "Coaching and growing others",
        "Coach rather than tell in one-to-ones",
    ),
    (
        "Prioritising and time",
        "Spend half of each week on leadership work",
    ),
    ("Self-awareness", "Know and manage my triggers in meetings"),
    (
        "Leadership identity",
        "Act as the team's leader, not its best engineer",
    ),
    (
        "Leading change",
        "Bring the team through the reorganisation with trust intact",
    ),
    (
        "Growing leaders",
        "Build a successor for my role within 18 months",
    ),
];

pub const SUCCESS_CRITERIA: &[&str] = &[
    "Three direct reports say in the 360 that they have real ownership of their area.",
    "Manager and two peers rate this at 7 or higher at the next review.",
    "A written record of weekly feedback given, with examples, for two months.",
    "The team's engagement survey shows a rise on \"my manager keeps promises\".",
    "Handles the next incident without taking over the technical work.",
];
