package corpus.app.gdpr;

import corpus.gdpr.detect.Classifier;
import corpus.gdpr.detect.FieldContext;
import corpus.gdpr.detect.Suggestion;
import corpus.gdpr.review.ReviewStore;
import corpus.gdpr.review.Reviewer;
import corpus.indexer.gdpr.GdprStores;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A review store in a temporary SQLite file holding suggestions for a small CRM table and a mart copy. */
final class ReviewFixture {

  private ReviewFixture() {}

  static ReviewService open(Path db) throws Exception {
    Classifier classifier = Classifier.withDefaults();
    ReviewStore store = GdprStores.open(db, new Reviewer("alice"), classifier.taxonomy());
    List<String> fields = List.of("user_id", "email", "phone_number", "full_name", "birth_date", "signup_date");
    List<Suggestion> suggestions = new ArrayList<>();
    for (String f : fields) {
      String type = f.endsWith("_date") ? "DATE" : "STRING";
      suggestions.add(classifier.classify(FieldContext.of("acme.crm.users", f, type).withSiblings(fields)));
    }
    suggestions.add(new Suggestion("acme.mart.contacts", "contact", "email", "EMAIL_ADDRESS", 0.81,
        List.of("lineage +0.81: derived from acme.crm.users:email (email, suggested) → transformation LOWER(email)"
            + " into acme.mart.contacts:contact"), List.of()));
    store.applyScan(suggestions);
    return new ReviewService(store, classifier);
  }
}
