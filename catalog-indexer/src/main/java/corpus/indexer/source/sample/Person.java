package corpus.indexer.source.sample;

import java.time.LocalDate;

/**
 * A synthetic person of the sample: every value is generated, none belongs to anyone real. E-mail
 * domains are reserved example domains, IP addresses come from documentation ranges, IBANs and
 * card numbers carry valid check digits, phone numbers follow each country's mobile numbering.
 */
record Person(
    int pid,
    String firstName,
    String lastName,
    String gender,
    LocalDate birthDate,
    String country,
    String language,
    String city,
    String street,
    String postcode,
    String email,
    Phone phone,
    String iban,
    String bic,
    String bankName,
    String ipv4,
    String ipv6,
    String advertisingId,
    String androidId,
    String cardNumber,
    String cardBrand) {

  /** One phone number in the three ways people write it. */
  record Phone(String e164, String international, String national) {}

  /** This person with the card brand that the card number's prefix implies. */
  Person withCardBrand() {
    String brand = cardNumber.startsWith("4") ? "visa" : "mastercard";
    return new Person(pid, firstName, lastName, gender, birthDate, country, language, city, street,
        postcode, email, phone, iban, bic, bankName, ipv4, ipv6, advertisingId, androidId,
        cardNumber, brand);
  }

  String fullName() {
    return firstName + " " + lastName;
  }
}
