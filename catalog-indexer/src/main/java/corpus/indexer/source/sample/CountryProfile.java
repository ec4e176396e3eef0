package corpus.indexer.source.sample;

import java.util.List;

/**
 * Names, places and languages of one country, enough to make a synthetic person who looks like
 * they live there. {@code cities} pairs a city with the postcode prefixes used in it.
 */
record CountryProfile(
    String code,
    String language,
    List<String> femaleNames,
    List<String> maleNames,
    List<String> lastNames,
    List<City> cities,
    List<String> streets) {

  /** A city and the postcode prefixes (outward codes, routing keys) of its districts. */
  record City(String name, List<String> postcodePrefixes) {}

  static final List<CountryProfile> ALL = List.of(
      new CountryProfile("DE", "de",
          List.of("Anna", "Lena", "Marie", "Sophie", "Laura", "Julia", "Katharina", "Hannah", "Lea", "Sarah", "Johanna", "Clara"),
          List.of("Lukas", "Jonas", "Felix", "Maximilian", "Paul", "Leon", "Tobias", "Jan", "Niklas", "Moritz", "Florian", "Sebastian"),
          List.of("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Braun", "Zimmermann"),
          List.of(new City("Berlin", List.of("10", "12", "13")), new City("Hamburg", List.of("20", "22")),
              new City("München", List.of("80", "81")), new City("Köln", List.of("50", "51")),
              new City("Frankfurt am Main", List.of("60")), new City("Leipzig", List.of("04"))),
          List.of("Hauptstraße", "Schulstraße", "Gartenstraße", "Bahnhofstraße", "Lindenweg", "Bergstraße", "Kastanienallee", "Friedrichstraße")),
      new CountryProfile("NL", "nl",
          List.of("Emma", "Sanne", "Fleur", "Lotte", "Iris", "Anouk", "Eva", "Noor", "Femke"),
          List.of("Daan", "Sem", "Thijs", "Bram", "Ruben", "Jesse", "Lars", "Milan", "Joost"),
          List.of("de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "Bos", "Vos", "Peters"),
          List.of(new City("Amsterdam", List.of("10")), new City("Rotterdam", List.of("30")),
              new City("Utrecht", List.of("35")), new City("Den Haag", List.of("25")),
              new City("Eindhoven", List.of("56"))),
          List.of("Kerkstraat", "Molenweg", "Prinsengracht", "Dorpsstraat", "Stationsweg", "Julianalaan")),
      new CountryProfile("FR", "fr",
          List.of("Camille", "Léa", "Chloé", "Manon", "Inès", "Juliette", "Louise", "Amélie", "Élodie"),
          List.of("Louis", "Hugo", "Lucas", "Théo", "Antoine", "Julien", "Mathis", "Nicolas", "Étienne"),
          List.of("Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Girard"),
          List.of(new City("Paris", List.of("750")), new City("Lyon", List.of("690")),
              new City("Marseille", List.of("130")), new City("Toulouse", List.of("310")),
              new City("Nantes", List.of("440")), new City("Lille", List.of("590"))),
          List.of("rue de la République", "avenue Victor Hugo", "rue des Lilas", "boulevard Voltaire", "rue du Moulin", "place de la Mairie")),
      new CountryProfile("GB", "en",
          List.of("Olivia", "Amelia", "Isla", "Emily", "Sophie", "Grace", "Charlotte", "Ella", "Freya"),
          List.of("Oliver", "George", "Harry", "Jack", "Charlie", "Thomas", "James", "William", "Alfie"),
          List.of("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright", "Thompson", "Evans", "Walker", "Hughes"),
          List.of(new City("London", List.of("E1", "N1", "SE1", "SW4", "W2", "NW3")),
              new City("Manchester", List.of("M1", "M4", "M20")), new City("Bristol", List.of("BS1", "BS8")),
              new City("Leeds", List.of("LS1", "LS6")), new City("Edinburgh", List.of("EH1", "EH3"))),
          List.of("High Street", "Station Road", "Church Lane", "Victoria Road", "Park Avenue", "Mill Lane")),
      new CountryProfile("SE", "sv",
          List.of("Alice", "Maja", "Elsa", "Astrid", "Ebba", "Saga", "Wilma", "Ingrid"),
          List.of("William", "Oscar", "Erik", "Axel", "Hugo", "Nils", "Gustav", "Anton"),
          List.of("Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson", "Lindqvist", "Bergström", "Lindgren"),
          List.of(new City("Stockholm", List.of("113", "116", "118")), new City("Göteborg", List.of("411", "413")),
              new City("Malmö", List.of("211", "214")), new City("Uppsala", List.of("753"))),
          List.of("Storgatan", "Drottninggatan", "Kungsgatan", "Vasagatan", "Skolgatan", "Parkvägen")),
      new CountryProfile("ES", "es",
          List.of("Lucía", "Sofía", "Martina", "María", "Paula", "Carmen", "Alba", "Elena"),
          List.of("Hugo", "Martín", "Pablo", "Alejandro", "Daniel", "Javier", "Diego", "Sergio"),
          List.of("García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Jiménez", "Ruiz", "Hernández", "Díaz"),
          List.of(new City("Madrid", List.of("280")), new City("Barcelona", List.of("080")),
              new City("Valencia", List.of("460")), new City("Sevilla", List.of("410")),
              new City("Bilbao", List.of("480"))),
          List.of("Calle Mayor", "Calle de Alcalá", "Avenida de la Constitución", "Calle Real", "Paseo del Prado")),
      new CountryProfile("IT", "it",
          List.of("Giulia", "Sofia", "Aurora", "Alice", "Ginevra", "Chiara", "Francesca", "Martina"),
          List.of("Leonardo", "Francesco", "Alessandro", "Lorenzo", "Matteo", "Andrea", "Marco", "Luca"),
          List.of("Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno", "Gallo", "Conti", "De Luca"),
          List.of(new City("Roma", List.of("001")), new City("Milano", List.of("201")),
              new City("Napoli", List.of("801")), new City("Torino", List.of("101")),
              new City("Bologna", List.of("401"))),
          List.of("Via Roma", "Via Garibaldi", "Corso Italia", "Via Mazzini", "Via Dante", "Piazza Cavour")),
      new CountryProfile("PL", "pl",
          List.of("Zuzanna", "Julia", "Maja", "Zofia", "Hanna", "Agnieszka", "Katarzyna", "Magdalena"),
          List.of("Jakub", "Antoni", "Szymon", "Jan", "Filip", "Piotr", "Tomasz", "Mateusz"),
          List.of("Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski", "Zieliński", "Szymański", "Woźniak", "Dąbrowski"),
          List.of(new City("Warszawa", List.of("00", "02")), new City("Kraków", List.of("30", "31")),
              new City("Wrocław", List.of("50")), new City("Gdańsk", List.of("80")),
              new City("Poznań", List.of("60"))),
          List.of("ul. Długa", "ul. Polna", "ul. Lipowa", "ul. Kwiatowa", "ul. Marszałkowska", "ul. Ogrodowa")),
      new CountryProfile("IE", "en",
          List.of("Aoife", "Saoirse", "Niamh", "Ciara", "Róisín", "Siobhán", "Emma", "Orla"),
          List.of("Conor", "Seán", "Cian", "Oisín", "Darragh", "Liam", "Patrick", "Eoin"),
          List.of("Murphy", "Kelly", "O'Sullivan", "Walsh", "O'Brien", "Byrne", "Ryan", "O'Connor", "O'Neill", "Doyle", "McCarthy", "Gallagher"),
          List.of(new City("Dublin", List.of("D02", "D04", "D06", "D08")), new City("Cork", List.of("T12")),
              new City("Galway", List.of("H91")), new City("Limerick", List.of("V94"))),
          List.of("Main Street", "Church Road", "Grafton Street", "Strand Road", "Mill Street")),
      new CountryProfile("US", "en",
          List.of("Emma", "Olivia", "Ava", "Madison", "Abigail", "Harper", "Avery", "Ella"),
          List.of("Liam", "Noah", "Ethan", "Mason", "Logan", "Jacob", "Aiden", "Carter"),
          List.of("Johnson", "Miller", "Davis", "Garcia", "Rodriguez", "Martinez", "Anderson", "Jackson", "White", "Harris", "Clark", "Lewis", "Young", "Allen"),
          List.of(new City("New York", List.of("100")), new City("San Francisco", List.of("941")),
              new City("Chicago", List.of("606")), new City("Boston", List.of("021")),
              new City("Seattle", List.of("981")), new City("Austin", List.of("787"))),
          List.of("Oak Avenue", "Maple Street", "Washington Street", "Lake Drive", "Cedar Lane", "Park Place")));

  /** Territories where Soundwave has listeners, in the order of {@link #ALL}. */
  static List<String> codes() {
    return ALL.stream().map(CountryProfile::code).toList();
  }

  static CountryProfile of(String code) {
    return ALL.stream()
        .filter(p -> p.code.equals(code))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no profile for country " + code));
  }
}
