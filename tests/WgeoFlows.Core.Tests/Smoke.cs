namespace WgeoFlows.Tests; public class Smoke { [Fact] public void Builds() => 1.ShouldBe(1); }
