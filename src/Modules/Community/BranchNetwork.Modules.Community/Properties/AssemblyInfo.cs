using System.Resources;

// Chinese is the neutral (default) language; English is a satellite.
[assembly: NeutralResourcesLanguage("zh-CN")]
