using NpoMunicipalNetwork.BrowserTests.Infrastructure;

// One Chromium process serves every test class; each class has its own app and database (SiteFixture).
[assembly: AssemblyFixture(typeof(BrowserFixture))]
