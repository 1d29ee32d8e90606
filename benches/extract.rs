//! Throughput of the per-document pipeline (clean → analyze → extract) on the example corpus,
//! in bytes of text per second. For the Reuters corpus, run `factline bench`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use factline::extract::ontology::Ontology;
use factline::ingest::{self, Input};
use factline::model::RawDocument;
use factline::pipeline::{self, Options};
use std::hint::black_box;

fn example_documents() -> Vec<RawDocument> {
    let mut docs = Vec::new();
    let inputs = [Input::Path("examples/corpus".into())];
    for input in ingest::expand(&inputs).into_iter().flatten() {
        ingest::read_input(&input, &mut |d| docs.extend(d.ok()));
    }
    docs
}

fn bench_extract(c: &mut Criterion) {
    let docs = example_documents();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let opts = Options {
        ontology: Ontology::default_ontology().unwrap_or_else(|e| panic!("{e}")),
        published: None,
    };
    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("extract_example_corpus", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(pipeline::extract_document(d.clone(), &opts));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench_extract);
criterion_main!(benches);
