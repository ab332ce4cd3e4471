//! Each kind of fault a fresh tester found, as cases like theirs (issue #15).

use super::*;
use crate::model::catalog::test_catalog;

const CATALOG: &str = r#"{"format":"career-atlas/1","name":"t",
    "technologies":[
      {"id":"python","name":"Python","aliases":["Python 3","Python3"]},
      {"id":"java","name":"Java","aliases":["Java SE"]},
      {"id":"react","name":"React","aliases":["React JS"]},
      {"id":"tailwind-css","name":"Tailwind CSS","aliases":["Tailwind"]},
      {"id":"css","name":"CSS"},
      {"id":"vuejs","name":"Vue.js","aliases":["Vue","Vue 3"]},
      {"id":"php","name":"PHP","aliases":["PHP 8"]},
      {"id":"swift","name":"Swift","aliases":["Swift 5"]},
      {"id":"unreal-engine","name":"Unreal Engine","aliases":["Unreal Engine 5","Unreal"]},
      {"id":"spring-boot","name":"Spring Boot"},
      {"id":"spring-framework","name":"Spring Framework","aliases":["Spring"]},
      {"id":"scikit-learn","name":"scikit-learn","aliases":["sklearn"]},
      {"id":"cloud-init","name":"cloud-init"},
      {"id":"inspect","name":"Inspect"},
      {"id":"assembly","name":"Assembly"},
      {"id":"celery","name":"Celery"},
      {"id":"prettier","name":"Prettier"},
      {"id":"nomad","name":"Nomad"},
      {"id":"sentry","name":"Sentry"},
      {"id":"postman","name":"Postman"},
      {"id":"vagrant","name":"Vagrant"},
      {"id":"blender","name":"Blender"},
      {"id":"scrum","name":"Scrum"},
      {"id":"hugo","name":"Hugo"},
      {"id":"combine","name":"Combine"},
      {"id":"claude","name":"Claude"},
      {"id":"phoenix","name":"Phoenix"},
      {"id":"ruby","name":"Ruby"},
      {"id":"apollo","name":"Apollo GraphQL","aliases":["Apollo"]},
      {"id":"expo","name":"Expo"},
      {"id":"dev-to","name":"DEV Community","aliases":["DEV"]},
      {"id":"go","name":"Go","aliases":["Golang"]},
      {"id":"docker","name":"Docker"},
      {"id":"docker-compose","name":"Docker Compose"},
      {"id":"django","name":"Django"},
      {"id":"sql","name":"SQL"},
      {"id":"t-sql","name":"Transact-SQL","aliases":["TSQL","T-SQL"]},
      {"id":"c","name":"C"},
      {"id":"cpp","name":"C++"},
      {"id":"javascript","name":"JavaScript","aliases":["JS"]},
      {"id":"typescript","name":"TypeScript","aliases":["TS"]},
      {"id":"chef","name":"Chef"},
      {"id":"redux","name":"Redux"},
      {"id":"flux","name":"Flux","aliases":["FluxCD"]}
    ],
    "roles":[{"id":"x","title":"X","stack":{"A":["Go"]}}]}"#;

fn keys(text: &str) -> Vec<String> {
    let cat = test_catalog(CATALOG);
    let mut v: Vec<String> = Recognizer::new(&cat)
        .find(text)
        .iter()
        .map(|f| cat.tech(f.tech).key.clone())
        .collect();
    v.sort();
    v
}

#[test]
fn a_longer_name_failing_its_boundary_leaves_the_shorter_one() {
    for (text, want) in [
        ("Python 3.12", "python"),
        ("python3.12", "python"),
        ("Vue 3.4", "vuejs"),
        ("PHP 8.2", "php"),
        ("Swift 5.9", "swift"),
        ("Unreal Engine 5.3", "unreal-engine"),
        ("Spring Boot3", "spring-boot"),
        ("Java Servlets", "java"),
        ("React JSX components", "react"),
        ("Tailwind CSS3", "tailwind-css"),
        ("scikit-learn", "scikit-learn"),
        ("cloud-init", "cloud-init"),
    ] {
        assert_eq!(keys(text), [want], "{text}");
    }
    assert_eq!(keys("HTML5 and CSS3"), ["css"]);
}

#[test]
fn ordinary_words_in_prose_are_not_products() {
    for text in [
        "We need to inspect the car before the school assembly.",
        "celery and carrots are prettier than crisps",
        "A nomad, a sentry and the postman met a vagrant.",
        "Put it in the blender. The scrum half kicked. Hugo came too.",
        "We combine Python and SQL.",
        "Claude Martin wrote from Phoenix, AZ with my friend Ruby.",
        "BSc Computer Science, Spring 2019. Apollo 11 landed. See you at Expo 2025.",
        "We need a Python dev with Django.",
        "Time to go: Docker images are built.",
        "Redux with the Flux architecture",
    ] {
        let found = keys(text);
        let odd: Vec<&String> = found
            .iter()
            .filter(|k| !matches!(k.as_str(), "python" | "sql" | "docker" | "django" | "redux"))
            .collect();
        assert!(odd.is_empty(), "{text}: {odd:?}");
    }
}

#[test]
fn ordinary_word_names_still_count_with_a_cue() {
    assert_eq!(
        keys("Tools: Postman, Sentry, Vagrant"),
        ["postman", "sentry", "vagrant"]
    );
    assert_eq!(keys("Ruby 3.3 and Python"), ["python", "ruby"]);
    assert_eq!(keys("Spring framework for services"), ["spring-framework"]);
    assert_eq!(keys("Docker, Go, Python"), ["docker", "go", "python"]);
}

#[test]
fn names_written_as_people_write_them() {
    assert_eq!(keys("Languages: T-SQL, Python"), ["python", "t-sql"]);
    assert_eq!(keys("I can read C and a little C++."), ["c", "cpp"]);
    assert_eq!(keys("JS/TS\n"), ["javascript", "typescript"]);
    assert_eq!(keys("Docker-compose files"), ["docker-compose"]);
    assert_eq!(keys("Chef cookbooks for every host"), ["chef"]);
}

/// Two names side by side with one space, each written as the catalog
/// writes it, are a list: "Python React" lost React (found by a fresh-user
/// check); lower-case prose beside a name still is not.
#[test]
fn names_side_by_side_with_one_space_are_a_list() {
    assert_eq!(keys("Python React"), ["python", "react"]);
    assert_eq!(keys("React Python"), ["python", "react"]);
}
