using NpoMunicipalNetwork.Members;

namespace NpoMunicipalNetwork.Tests.Members;

/// <summary>The shipped registry CSVs (code4fukui/localgovjp, CC0) and the check digit rule.</summary>
public sealed class RegistryTests
{
    private static readonly IReadOnlyList<Government> Registry = RegistryCsv.Load(RegistryCsv.DefaultFolder);

    [Fact]
    public void All_47_prefectures_and_1916_municipalities_load_with_unique_valid_codes()
    {
        Assert.Equal(1963, Registry.Count);
        Assert.Equal(47, Registry.Count(g => g.Kind == GovernmentKind.Prefecture));
        Assert.Equal(1963, Registry.Select(g => g.Code).Distinct().Count());
        Assert.All(Registry, g => Assert.True(LocalGovernmentCode.IsValid(g.Code), g.Code));
    }

    [Fact]
    public void Prefecture_codes_that_lost_their_leading_zero_are_restored()
    {
        var hokkaido = Registry.Single(g => g.Code == "010006");
        Assert.Equal("北海道", hokkaido.Name);
        Assert.Equal("01", hokkaido.PrefectureCode);
        Assert.Equal("ほっかいどう", hokkaido.Kana);
    }

    [Theory]
    [InlineData(GovernmentKind.DesignatedCity, 20)]
    [InlineData(GovernmentKind.Ward, 175)]
    [InlineData(GovernmentKind.SpecialWard, 23)]
    [InlineData(GovernmentKind.City, 772)]
    [InlineData(GovernmentKind.Town, 743)]
    [InlineData(GovernmentKind.Village, 183)]
    public void Kinds_are_derived_from_the_names(GovernmentKind kind, int count) =>
        Assert.Equal(count, Registry.Count(g => g.Kind == kind));

    [Fact]
    public void A_ward_is_named_without_the_space_and_points_to_its_designated_city()
    {
        var chuo = Registry.Single(g => g.Code == "011011");
        Assert.Equal("札幌市中央区", chuo.Name);
        Assert.Equal(GovernmentKind.Ward, chuo.Kind);
        Assert.Equal("011002", chuo.ParentCode);
        Assert.Equal(GovernmentKind.DesignatedCity, Registry.Single(g => g.Code == "011002").Kind);
        Assert.Equal(GovernmentKind.SpecialWard, Registry.Single(g => g.Name == "千代田区").Kind);
    }

    [Theory]
    [InlineData("120006", null)]
    [InlineData("011002", null)]
    [InlineData("131016", null)]
    [InlineData("120005", "検査数字")]
    [InlineData("12000", "6桁")]
    [InlineData("12000a", "6桁")]
    [InlineData("１２０００６", "6桁")]
    [InlineData("480001", "01〜47")]
    [InlineData("000000", "01〜47")]
    [InlineData("", "入力してください")]
    public void Check_digit_and_shape_are_validated_with_a_Japanese_message(string code, string? problem)
    {
        var message = LocalGovernmentCode.Validate(code);
        if (problem is null)
            Assert.Null(message);
        else
            Assert.Contains(problem, message);
    }

    [Fact]
    public void A_corrupted_code_in_the_csv_is_rejected_with_its_row()
    {
        var folder = Path.Combine(Path.GetTempPath(), "npo-tests", "registry", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(RegistryCsv.DefaultFolder, RegistryCsv.PrefecturesFile), Path.Combine(folder, RegistryCsv.PrefecturesFile));
        var lines = File.ReadAllLines(Path.Combine(RegistryCsv.DefaultFolder, RegistryCsv.MunicipalitiesFile));
        lines[2] = lines[2].Replace(",011011", ",011012");
        File.WriteAllLines(Path.Combine(folder, RegistryCsv.MunicipalitiesFile), lines);

        var ex = Assert.Throws<InvalidDataException>(() => RegistryCsv.Load(folder));
        Assert.Contains("011012", ex.Message);
        Assert.Contains("3行目", ex.Message);
    }
}
