//! Which quote a daily post carries: at random among the eligible quotes, preferring those with
//! a known speaker and date, never repeating within a server until every eligible quote has been
//! posted; then a new cycle starts.

use rand::RngExt;
use std::collections::HashSet;

/// A quote that may be posted, with what makes it preferable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub id: String,
    /// Named speaker and a known date: a better post.
    pub preferred: bool,
}

/// The pick, and whether it starts a new cycle (everything eligible was already posted).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pick {
    pub id: String,
    pub new_cycle: bool,
}

/// Chooses among `candidates` avoiding `posted` (ids posted in the current cycle).
/// `None` when there is nothing to post at all.
pub fn choose(
    candidates: &[Candidate],
    posted: &HashSet<String>,
    rng: &mut impl rand::Rng,
) -> Option<Pick> {
    let fresh: Vec<&Candidate> = candidates
        .iter()
        .filter(|c| !posted.contains(&c.id))
        .collect();
    let (pool, new_cycle) = if fresh.is_empty() {
        (candidates.iter().collect::<Vec<_>>(), true)
    } else {
        (fresh, false)
    };
    let preferred: Vec<&&Candidate> = pool.iter().filter(|c| c.preferred).collect();
    let pick = if preferred.is_empty() {
        pool.get(rng.random_range(0..pool.len().max(1)))?.id.clone()
    } else {
        preferred[rng.random_range(0..preferred.len())].id.clone()
    };
    Some(Pick {
        id: pick,
        new_cycle,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand::rngs::StdRng;

    fn candidates(n: usize, preferred: usize) -> Vec<Candidate> {
        (0..n)
            .map(|i| Candidate {
                id: format!("q{i}"),
                preferred: i < preferred,
            })
            .collect()
    }

    #[test]
    fn no_repeat_until_every_quote_was_posted_then_a_new_cycle() {
        let all = candidates(6, 6);
        let mut rng = StdRng::seed_from_u64(1);
        let mut posted = HashSet::new();
        for _ in 0..6 {
            let pick = choose(&all, &posted, &mut rng).unwrap();
            assert!(!pick.new_cycle);
            assert!(posted.insert(pick.id), "a repeat within the cycle");
        }
        let pick = choose(&all, &posted, &mut rng).unwrap();
        assert!(pick.new_cycle);
    }

    #[test]
    fn preferred_quotes_go_first() {
        let all = candidates(5, 2);
        let mut rng = StdRng::seed_from_u64(3);
        let mut posted = HashSet::new();
        let first_two: HashSet<String> = (0..2)
            .map(|_| {
                let id = choose(&all, &posted, &mut rng).unwrap().id;
                posted.insert(id.clone());
                id
            })
            .collect();
        assert_eq!(
            first_two,
            HashSet::from(["q0".to_string(), "q1".to_string()])
        );
        // Then the others, still without repeats.
        let next = choose(&all, &posted, &mut rng).unwrap();
        assert!(!next.new_cycle && !posted.contains(&next.id));
    }

    #[test]
    fn nothing_to_post() {
        assert_eq!(
            choose(&[], &HashSet::new(), &mut StdRng::seed_from_u64(0)),
            None
        );
    }
}
