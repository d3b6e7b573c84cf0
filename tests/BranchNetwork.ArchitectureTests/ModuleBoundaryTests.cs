using NetArchTest.Rules;

namespace BranchNetwork.ArchitectureTests;

public sealed class ModuleBoundaryTests
{
    [Fact]
    public void The_solution_has_modules_to_check()
    {
        Assert.Contains(Solution.Modules, m => Solution.ModuleName(m) == "Identity");
        Assert.Contains(Solution.Contracts, c => c.GetName().Name == "BranchNetwork.Modules.Identity.Contracts");
    }

    [Fact]
    public void Modules_use_each_other_only_through_contracts()
    {
        foreach (var module in Solution.Modules)
        {
            var others = Solution.Modules.Where(m => m != module);
            Assert.Empty(Rules.UsingOtherModulesInternals(Types.InAssembly(module), others));
        }
    }

    [Fact]
    public void Contracts_shared_kernel_and_infrastructure_never_use_a_module_implementation()
    {
        var foundations = Solution.Contracts
            .Append(Solution.Named("BranchNetwork.SharedKernel"))
            .Append(Solution.Named("BranchNetwork.Infrastructure"))
            .Append(Solution.Named("BranchNetwork.Web"));
        foreach (var assembly in foundations)
        {
            Assert.Empty(Rules.UsingOtherModulesInternals(Types.InAssembly(assembly), Solution.Modules));
        }
    }

    [Fact]
    public void The_host_uses_a_module_only_through_its_contracts_and_its_module_class()
    {
        Assert.Empty(Rules.HostUsingModuleInternals(Types.InAssembly(Solution.Host), Solution.Modules));
    }

    [Fact]
    public void The_host_rule_fails_for_a_host_type_reaching_into_a_module_and_allows_the_module_class()
    {
        var failing = Rules.HostUsingModuleInternals(Types.InNamespace("BranchNetwork.ArchitectureTests.Fixtures.HostReachingIntoAModule"), Solution.Modules);

        Assert.Contains(failing, name => name.EndsWith("UsesAModulePage", StringComparison.Ordinal));
        Assert.DoesNotContain(failing, name => name.EndsWith("ListsTheModuleClass", StringComparison.Ordinal));
    }

    [Fact]
    public void The_shared_kernel_depends_on_no_other_project()
    {
        var result = Types.InAssembly(Solution.Named("BranchNetwork.SharedKernel"))
            .ShouldNot().HaveDependencyOnAny("BranchNetwork.Infrastructure", "BranchNetwork.Modules", "BranchNetwork.Host", "Microsoft.EntityFrameworkCore")
            .GetResult();
        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void The_boundary_rule_fails_for_a_type_reaching_into_another_modules_internals()
    {
        var violator = Types.InNamespace("BranchNetwork.ArchitectureTests.Fixtures.ModuleReachingIntoIdentity");

        var failing = Rules.UsingOtherModulesInternals(violator, Solution.Modules);

        Assert.Contains(failing, name => name.EndsWith("ReachesIntoAnotherModule", StringComparison.Ordinal));
    }
}

public sealed class ConventionTests
{
    [Fact]
    public void Module_types_are_internal_except_blazor_components()
    {
        // Migrations assemblies hold EF-generated public classes and are left out on purpose.
        foreach (var module in Solution.Modules)
        {
            Assert.Empty(Rules.PublicWithoutNeed(Types.InAssembly(module)));
        }
    }

    [Fact]
    public void Handlers_are_sealed()
    {
        foreach (var module in Solution.Modules)
        {
            Assert.Empty(Rules.UnsealedHandlers(Types.InAssembly(module)));
        }
    }

    [Fact]
    public void Pages_send_through_a_scope_per_call_never_the_mediator_itself()
    {
        foreach (var assembly in Solution.Modules.Append(Solution.Host))
        {
            Assert.Empty(Rules.ComponentsInjectingTheMediator(assembly.GetTypes()));
        }
    }

    [Fact]
    public void The_page_sender_rule_fails_for_a_component_injecting_the_mediator()
    {
        var fixtures = typeof(Fixtures.PublicInModule.InjectsTheMediator).Assembly.GetTypes();

        Assert.Contains(Rules.ComponentsInjectingTheMediator(fixtures), name => name.EndsWith("InjectsTheMediator", StringComparison.Ordinal));
    }

    [Fact]
    public void The_internal_rule_fails_for_a_public_type_and_the_sealed_rule_for_an_open_handler()
    {
        var fixtures = Types.InNamespace("BranchNetwork.ArchitectureTests.Fixtures.PublicInModule");

        Assert.Contains(Rules.PublicWithoutNeed(fixtures), name => name.EndsWith("NeedlesslyPublic", StringComparison.Ordinal));
        Assert.Contains(
            Rules.UnsealedHandlers(Types.InNamespace("BranchNetwork.ArchitectureTests.Fixtures.PublicInModule")),
            name => name.EndsWith("OpenToInheritanceHandler", StringComparison.Ordinal));
    }
}
