// The catalog's resources are named from the project's root namespace (WgeoFlows), not the assembly's name
// (WgeoFlows.Core); IStringLocalizerFactory finds Catalogs/Messages.resx through this attribute.
[assembly: Microsoft.Extensions.Localization.RootNamespace("WgeoFlows")]
