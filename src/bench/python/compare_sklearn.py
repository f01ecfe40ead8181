#!/usr/bin/env python3
"""Side-by-side held-out AUC: scikit-learn TF-IDF(1-2) + logistic regression against OutcomeDesk, on one split.

Input is what `demo-data --records N --seed S --out demo.json --truth truth.csv` writes (or any file in the import
format with a truth CSV of id,p_worse,true_category). Every record goes to the test fifth when the first byte of the
SHA-1 of its id, mod 5, is 0, else to training: the split depends only on the ids, so anyone re-running this gets the
same one. The label is the true category (poor or critical = worse), for every model alike; p_worse gives the best
achievable AUC. With --jar, OutcomeDesk imports the training part into a throwaway store, trains (all candidates,
5-fold CV) and activates, predicts the test part with `predict --input`, and is scored on the same rows.

Needs Python 3 with scikit-learn (Debian: apt-get install python3-sklearn; or pip install scikit-learn).

    python3 src/bench/python/compare_sklearn.py demo.json truth.csv --jar target/outcome-desk.jar
"""
import argparse
import csv
import hashlib
import json
import os
import subprocess
import tempfile
import time


def split(records):
    train, test = [], []
    for r in records:
        (test if hashlib.sha1(r["id"].encode("utf-8")).digest()[0] % 5 == 0 else train).append(r)
    return train, test


def auc(labels, scores):
    from sklearn.metrics import roc_auc_score
    return roc_auc_score(labels, scores)


def sklearn_auc(train, test, worse, with_doctor):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    def text(r):
        return (r["summary"] + " doctor_" + r["doctor_id"]) if with_doctor else r["summary"]

    start = time.time()
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2)
    x_train = vectorizer.fit_transform(text(r) for r in train)
    model = LogisticRegression(C=1.0, max_iter=1000)
    model.fit(x_train, [worse[r["id"]] for r in train])
    p = model.predict_proba(vectorizer.transform(text(r) for r in test))[:, 1]
    return auc([worse[r["id"]] for r in test], p), time.time() - start


def outcome_desk_auc(jar, train, test, worse):
    with tempfile.TemporaryDirectory() as home:
        train_file, test_file, out_file = (os.path.join(home, n) for n in ("train.json", "test.json", "out.json"))
        with open(train_file, "w") as f:
            json.dump(train, f)
        with open(test_file, "w") as f:
            json.dump([{k: v for k, v in r.items() if k != "future_outcome"} for r in test], f)
        cli = ["java", "-Xmx1g", "-jar", jar, "--home", os.path.join(home, "store")]
        start = time.time()
        subprocess.run(cli + ["import", train_file], check=True, stdout=subprocess.DEVNULL)
        trained = json.loads(subprocess.run(cli + ["train", "--activate", "--json"], check=True, capture_output=True,
                                            text=True).stdout)
        train_seconds = time.time() - start
        subprocess.run(cli + ["predict", "--input", test_file, "--out", out_file], check=True, stdout=subprocess.DEVNULL)
        with open(out_file) as f:
            rows = json.load(f)
        return (auc([worse[r["id"]] for r in rows], [r["prediction"]["probability"] for r in rows]),
                trained["algorithm"], train_seconds)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("records", help="JSON array in the import format (demo-data --out)")
    parser.add_argument("truth", help="CSV id,p_worse,true_category (demo-data --truth)")
    parser.add_argument("--jar", help="OutcomeDesk jar: also train and predict with it on the same split")
    args = parser.parse_args()
    with open(args.records) as f:
        records = json.load(f)
    truth, worse = {}, {}
    with open(args.truth) as f:
        for row in csv.DictReader(f):
            truth[row["id"]] = float(row["p_worse"])
            worse[row["id"]] = 1 if row["true_category"] in ("poor", "critical") else 0
    records = [r for r in records if r["id"] in worse]
    train, test = split(records)
    labels = [worse[r["id"]] for r in test]
    print(f"{len(train)} training and {len(test)} test records (test: first SHA-1 byte of the id mod 5 == 0)")
    print(f"true probabilities (best achievable)      AUC {auc(labels, [truth[r['id']] for r in test]):.4f}")
    for with_doctor in (False, True):
        a, seconds = sklearn_auc(train, test, worse, with_doctor)
        name = "TF-IDF(1-2) + LR, summary + doctor token" if with_doctor else "TF-IDF(1-2) + LR, summary"
        print(f"scikit-learn {name:<40} AUC {a:.4f} ({seconds:.1f} s)")
    if args.jar:
        a, algorithm, seconds = outcome_desk_auc(args.jar, train, test, worse)
        print(f"OutcomeDesk ({algorithm}, import + train of all candidates {seconds:.1f} s){'':<9} AUC {a:.4f}")


if __name__ == "__main__":
    main()
